using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Rete.Aggregation;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// Aggregates, for each partial match, the facts that pair with it, and extends the partial match with each
/// aggregate result. Results are re-sent as updates when facts come, change or go.
/// </summary>
internal sealed class AggregateNode(int id, string description, JoinConditions conditions, Aggregator prototype, RuleModel.AggregateKind aggregateKind, System.Linq.Expressions.LambdaExpression? selector)
    : PairingNode(id, NodeKind.Aggregate, description, conditions)
{
    public Aggregator Prototype { get; } = prototype;

    public RuleModel.AggregateKind AggregateKind { get; } = aggregateKind;

    public System.Linq.Expressions.LambdaExpression? Selector { get; } = selector;

    protected override void OnLeftAdded(BetaMemory index, Token token) => index.AggregatorOf(token) = Prototype.CreateEmpty();

    protected override Pairing NewPair(Token token, Fact fact) => new AggregatePairing(token, fact);

    protected override void OnPair(WorkingMemory memory, Token left, Pairing pairing, ChangeKind change)
    {
        var aggregator = Memory(memory).AggregatorOf(left)!;
        var pair = (AggregatePairing)pairing;
        var element = pair.Fact!.Value;
        try
        {
            switch (change)
            {
                case ChangeKind.Added:
                    aggregator.Add(pair, element);
                    break;
                case ChangeKind.Updated:
                    aggregator.Modify(pair, element);
                    break;
                case ChangeKind.Removed:
                    aggregator.Remove(pair, element);
                    break;
            }
        }
        catch (Exception ex)
        {
            throw RuleConditionException.Create(this, Description, [.. left.Values(), element], ex);
        }
    }

    protected override void OnLeftSettled(WorkingMemory memory, Token left, ref LeftState state, ChangeKind change)
    {
        var index = Memory(memory);
        var aggregator = index.AggregatorOf(left)!;
        if (change == ChangeKind.Removed)
        {
            index.AggregatorOf(left) = null;
            foreach (var result in aggregator.Results.ToList())
            {
                if (result.Child is not null)
                {
                    Withdraw(memory, result);
                }
            }

            return;
        }

        var changed = memory.RentResultList();
        aggregator.TakeChanged(changed);
        foreach (var result in changed)
        {
            Emit(memory, left, result);
        }

        if (change == ChangeKind.Updated)
        {
            // The partial match itself changed: every result it carries is news downstream.
            foreach (var result in aggregator.Results.ToList())
            {
                if (result.Child is not null && !changed.Contains(result))
                {
                    UpdateSinks(memory, result.Child);
                }
            }
        }

        memory.ReturnResultList(changed);
    }

    private void Emit(WorkingMemory memory, Token left, AggregateResult result)
    {
        if (result.HasValue)
        {
            if (result.Child is null)
            {
                result.Child = new Token(left, result) { Id = Memory(memory).Ids.Take() };
                AssertSinks(memory, result.Child);
            }
            else
            {
                UpdateSinks(memory, result.Child);
            }
        }
        else if (result.Child is not null)
        {
            Withdraw(memory, result);
        }
    }

    private void Withdraw(WorkingMemory memory, AggregateResult result)
    {
        var child = result.Child!;
        result.Child = null;
        RetractSinks(memory, child);
        Memory(memory).Ids.Give(child.Id);
    }
}
