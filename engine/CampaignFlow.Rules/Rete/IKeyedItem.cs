namespace CampaignFlow.Rules.Rete;

/// <summary>An item of a <see cref="KeyedTable{TKey, TItem}"/>: it knows its key and carries the table's chain link.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal interface IKeyedItem<out TKey>
{
    TKey Key { get; }

    /// <summary>1 + the slot of the next item in the same chain of the table, 0 at its end.</summary>
    int NextInTable { get; set; }
}
