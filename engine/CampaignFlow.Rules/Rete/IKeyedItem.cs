namespace CampaignFlow.Rules.Rete;

/// <summary>An item of a <see cref="KeyedTable{TKey, TItem}"/>: it knows its key.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal interface IKeyedItem<out TKey>
{
    TKey Key { get; }
}
