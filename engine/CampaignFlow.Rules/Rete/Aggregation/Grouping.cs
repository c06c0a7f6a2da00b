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
}
