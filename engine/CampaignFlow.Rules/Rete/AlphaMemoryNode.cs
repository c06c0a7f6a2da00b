using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>The end of an alpha chain: feeds the facts that passed it to beta nodes.</summary>
/// <remarks>
/// It keeps no record of which facts it holds: the nodes below it know which facts they took (by <see cref="Fact.Id"/>),
/// so an update reaches them as an update, and they take a fact they do not hold yet; a retraction reaches them, and
/// they pass over a fact they never took. A membership bit per memory on every fact cost 8 bytes on each fact of a
/// session, and an entry object per fact beyond the first 64 memories of a network (issue 15).
/// </remarks>
internal sealed class AlphaMemoryNode(int id, string description) : AlphaNode(id, NodeKind.AlphaMemory, description)
{
    public List<IFactSink> Sinks { get; } = [];

    public override IEnumerable<ReteNode> Children => Sinks.Cast<ReteNode>();

    public override void Assert(WorkingMemory memory, Fact fact)
    {
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
        foreach (var sink in Sinks)
        {
            sink.UpdateFact(memory, fact);
        }
    }

    protected override void OnRetract(WorkingMemory memory, Fact fact)
    {
        foreach (var sink in Sinks)
        {
            sink.RetractFact(memory, fact);
        }
    }
}
