using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>The end of an alpha chain: knows which facts passed it and feeds them to beta nodes.</summary>
internal sealed class AlphaMemoryNode(int id, string description) : AlphaNode(id, NodeKind.AlphaMemory, description)
{
    public List<IFactSink> Sinks { get; } = [];

    public override IEnumerable<ReteNode> Children => Sinks.Cast<ReteNode>();

    public override void Assert(WorkingMemory memory, Fact fact)
    {
        NodeEntry.Add(ref fact.Entries, new NodeEntry(Id));
        foreach (var sink in Sinks)
        {
            sink.AssertFact(memory, fact);
        }
    }

    public override void Update(WorkingMemory memory, Fact fact)
    {
        if (NodeEntry.Find(fact.Entries, Id) is null)
        {
            Assert(memory, fact);
            return;
        }

        foreach (var sink in Sinks)
        {
            sink.UpdateFact(memory, fact);
        }
    }

    protected override void OnRetract(WorkingMemory memory, Fact fact)
    {
        if (NodeEntry.Remove(ref fact.Entries, Id) is null)
        {
            return;
        }

        foreach (var sink in Sinks)
        {
            sink.RetractFact(memory, fact);
        }
    }
}
