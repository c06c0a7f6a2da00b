namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>An aggregator with at most one result per partial match.</summary>
internal abstract class SingleResultAggregator : Aggregator
{
    protected readonly AggregateResult Result = new() { Changed = true };

    public override IEnumerable<AggregateResult> Results => [Result];

    public override void TakeChanged(List<AggregateResult> changed)
    {
        if (Result.Changed)
        {
            Result.Changed = false;
            Refresh(Result);
            changed.Add(Result);
        }
    }

    /// <summary>Writes the current value into the result.</summary>
    protected abstract void Refresh(AggregateResult result);

    protected void Touch() => Result.Changed = true;
}
