namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>One group of a group-by result.</summary>
internal sealed class Grouping<TKey, TElement> : FactCollection<TElement>, IGrouping<TKey, TElement>, IKeyedItem<TKey>
{
    public Grouping(TKey key)
    {
        Key = key;
        Value = this;
    }

    public TKey Key { get; }

    // A group is a fact of the network, never one of the session's facts, so the link that chains facts in the
    // session's fact table is free to chain groups in the aggregator's table.
    int IKeyedItem<TKey>.NextInTable
    {
        get => NextInTable;
        set => NextInTable = value;
    }
}
