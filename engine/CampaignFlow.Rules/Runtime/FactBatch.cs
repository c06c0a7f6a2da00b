using CampaignFlow.Rules.Rete;

namespace CampaignFlow.Rules.Runtime;

/// <summary>
/// Facts inserted together (<see cref="ISession.InsertAll"/>): the alpha network files them one by one, then each
/// beta node takes all the batch's facts for it in one call, the deepest nodes first.
/// </summary>
/// <remarks>
/// Deepest first, because a negation or an aggregate deep in a rule then holds the batch's facts before the partial
/// matches that test them arrive: a "no session this week" is never matched and then unmatched within one batch, and
/// a group is passed on once with all its facts rather than once and then again for each further fact.
/// </remarks>
internal sealed class FactBatch
{
    private readonly Dictionary<AlphaMemoryNode, List<Fact>> _byMemory = [];

    public void Add(AlphaMemoryNode memory, Fact fact)
    {
        if (!_byMemory.TryGetValue(memory, out var facts))
        {
            facts = [];
            _byMemory.Add(memory, facts);
        }

        facts.Add(fact);
    }

    public void Propagate(WorkingMemory memory)
    {
        var deliveries = new List<(IFactSink Sink, List<Fact> Facts)>();
        foreach (var (alpha, facts) in _byMemory)
        {
            foreach (var sink in alpha.Sinks)
            {
                deliveries.Add((sink, facts));
            }
        }

        // A stable sort: nodes of one depth take their facts in the order their memories first saw one.
        foreach (var (sink, facts) in deliveries.OrderByDescending(d => d.Sink.Depth))
        {
            sink.AssertFacts(memory, facts);
        }
    }
}
