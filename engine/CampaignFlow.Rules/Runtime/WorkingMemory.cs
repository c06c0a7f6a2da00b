using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Rete;
using CampaignFlow.Rules.Rete.Aggregation;

namespace CampaignFlow.Rules.Runtime;

/// <summary>Everything one session knows: its facts, every node's memory, its agenda. Never shared between threads.</summary>
internal sealed class WorkingMemory(ReteNetwork network, SessionEvents events)
{
    private readonly Queue<Fact> pendingRetractions = new();
    private readonly Stack<List<AggregateResult>> resultLists = new();
    private readonly Stack<Dictionary<NodeEntry, Pairing>> pairMaps = new();

    public ReteNetwork Network { get; } = network;

    public object?[] NodeMemories { get; } = new object?[network.Nodes.Count];

    public FactTable Facts { get; } = new(network.FactCount.Value);

    public Agenda Agenda { get; } = new();

    public SessionEvents Events { get; } = events;

    public void ScheduleRetraction(Fact fact) => pendingRetractions.Enqueue(fact);

    public bool TryTakePendingRetraction(out Fact fact) => pendingRetractions.TryDequeue(out fact!);

    public List<AggregateResult> RentResultList() => resultLists.Count > 0 ? resultLists.Pop() : [];

    public void ReturnResultList(List<AggregateResult> list)
    {
        list.Clear();
        resultLists.Push(list);
    }

    /// <summary>
    /// A map from the other side's entries to the pairs of an entry being updated: which pairs the update has not
    /// met yet. Kept here, not as a field on every fact and token, because only updates need it; updates nest
    /// (propagation), hence a stack.
    /// </summary>
    public Dictionary<NodeEntry, Pairing> RentPairMap() =>
        pairMaps.Count > 0 ? pairMaps.Pop() : new Dictionary<NodeEntry, Pairing>(ReferenceEqualityComparer.Instance);

    public void ReturnPairMap(Dictionary<NodeEntry, Pairing> map)
    {
        map.Clear();
        pairMaps.Push(map);
    }
}
