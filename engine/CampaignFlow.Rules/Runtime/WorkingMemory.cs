using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Rete;
using CampaignFlow.Rules.Rete.Aggregation;

namespace CampaignFlow.Rules.Runtime;

/// <summary>Everything one session knows: its facts, every node's memory, its agenda. Never shared between threads.</summary>
internal sealed class WorkingMemory(ReteNetwork network, SessionEvents events)
{
    private readonly Queue<Fact> pendingRetractions = new();
    private readonly Stack<List<AggregateResult>> resultLists = new();

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
}
