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
        if (_byMemory.Count == 0)
        {
            return;
        }

        foreach (var (alpha, sink) in memory.Network.FactSinksDeepestFirst)
        {
            if (_byMemory.TryGetValue(alpha, out var facts))
            {
                sink.AssertFacts(memory, facts);
            }
        }
    }
}
