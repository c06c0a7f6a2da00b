using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Rete;
using CampaignFlow.Rules.Rete.Aggregation;

namespace CampaignFlow.Rules.Runtime;

/// <summary>Everything one session knows: its facts, every node's memory, its agenda. Never shared between threads.</summary>
internal sealed class WorkingMemory(ReteNetwork network, SessionEvents events)
{
    private readonly Queue<Fact> _pendingRetractions = new();
    private readonly Stack<List<AggregateResult>> _resultLists = new();
    private readonly Stack<Dictionary<object, Pairing>> _pairMaps = new();
    private readonly Stack<List<Token>> _leftLists = new();

    public ReteNetwork Network { get; } = network;

    public object?[] NodeMemories { get; } = new object?[network.Nodes.Count];

    public FactTable Facts { get; } = new(network.FactCount.Value);

    public Agenda Agenda { get; } = new();

    public SessionEvents Events { get; } = events;

    /// <summary>While facts are inserted as a batch: where alpha memories leave them for the beta network.</summary>
    public FactBatch? Batch { get; set; }

    public List<Token> RentLeftList() => _leftLists.Count > 0 ? _leftLists.Pop() : [];

    public void ReturnLeftList(List<Token> list)
    {
        list.Clear();
        _leftLists.Push(list);
    }

    public void ScheduleRetraction(Fact fact) => _pendingRetractions.Enqueue(fact);

    public bool TryTakePendingRetraction(out Fact fact) => _pendingRetractions.TryDequeue(out fact!);

    public List<AggregateResult> RentResultList() => _resultLists.Count > 0 ? _resultLists.Pop() : [];

    public void ReturnResultList(List<AggregateResult> list)
    {
        list.Clear();
        _resultLists.Push(list);
    }

    /// <summary>
    /// A map from the other side's entries to the pairs of an entry being updated: which pairs the update has not
    /// met yet. Kept here, not as a field on every fact and token, because only updates need it; updates nest
    /// (propagation), hence a stack.
    /// </summary>
    public Dictionary<object, Pairing> RentPairMap() =>
        _pairMaps.Count > 0 ? _pairMaps.Pop() : new Dictionary<object, Pairing>(ReferenceEqualityComparer.Instance);

    public void ReturnPairMap(Dictionary<object, Pairing> map)
    {
        map.Clear();
        _pairMaps.Push(map);
    }
}
