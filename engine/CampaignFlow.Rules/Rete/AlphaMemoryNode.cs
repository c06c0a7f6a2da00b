using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>The end of an alpha chain: knows which facts passed it and feeds them to beta nodes.</summary>
/// <remarks>
/// Membership is a bit on the fact for the first 64 memories of a network (one object fewer per fact and
/// memory), and a node entry beyond that.
/// </remarks>
internal sealed class AlphaMemoryNode(int id, string description, int ordinal) : AlphaNode(id, NodeKind.AlphaMemory, description)
{
    private readonly ulong _bit = ordinal < 64 ? 1UL << ordinal : 0;

    public List<IFactSink> Sinks { get; } = [];

    public override IEnumerable<ReteNode> Children => Sinks.Cast<ReteNode>();

    public override void Assert(WorkingMemory memory, Fact fact)
    {
        Join(fact);
        if (memory.Batch is { } batch)
        {
            batch.Add(this, fact);
            return;
        }

        foreach (var sink in Sinks)
        {
            sink.AssertFact(memory, fact);
        }
    }

    public override void Update(WorkingMemory memory, Fact fact)
    {
        if (!Holds(fact))
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
        if (!Leave(fact))
        {
            return;
        }

        foreach (var sink in Sinks)
        {
            sink.RetractFact(memory, fact);
        }
    }

    private bool Holds(Fact fact) => _bit != 0 ? (fact.AlphaMemories & _bit) != 0 : NodeEntry.Find(fact.Entries, Id) is not null;

    private void Join(Fact fact)
    {
        if (_bit != 0)
        {
            fact.AlphaMemories |= _bit;
        }
        else
        {
            NodeEntry.Add(ref fact.Entries, new NodeEntry(Id));
        }
    }

    private bool Leave(Fact fact)
    {
        if (_bit == 0)
        {
            return NodeEntry.Remove(ref fact.Entries, Id) is not null;
        }

        var held = (fact.AlphaMemories & _bit) != 0;
        fact.AlphaMemories &= ~_bit;
        return held;
    }
}
