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

    protected override PairedLeftEntry NewPairedEntry(Token token) => new AggregateLeftEntry(Id, token, Prototype.CreateEmpty());

    protected override Pairing NewPair(Token token, Fact fact) => new AggregatePairing(token, fact);

    protected override void OnPair(WorkingMemory memory, PairedLeftEntry left, Pairing pairing, ChangeKind change)
    {
        var aggregator = ((AggregateLeftEntry)left).Aggregator;
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
            throw RuleConditionException.Create(this, Description, [.. left.Token.Values(), element], ex);
        }
    }

    protected override void OnLeftSettled(WorkingMemory memory, LeftEntry entry, ChangeKind change)
    {
        var aggregator = ((AggregateLeftEntry)entry).Aggregator;
        if (change == ChangeKind.Removed)
        {
            foreach (var result in aggregator.Results.ToList())
            {
                if (result.Child is not null)
                {
                    var child = result.Child;
                    result.Child = null;
                    RetractSinks(memory, child);
                }
            }

            return;
        }

        var changed = memory.RentResultList();
        aggregator.TakeChanged(changed);
        foreach (var result in changed)
        {
            Emit(memory, entry, result);
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

    private void Emit(WorkingMemory memory, LeftEntry entry, AggregateResult result)
    {
        if (result.HasValue)
        {
            if (result.Child is null)
            {
                result.Child = new Token(entry.Token, result);
                AssertSinks(memory, result.Child);
            }
            else
            {
                UpdateSinks(memory, result.Child);
            }
        }
        else if (result.Child is not null)
        {
            var child = result.Child;
            result.Child = null;
            RetractSinks(memory, child);
        }
    }
}
