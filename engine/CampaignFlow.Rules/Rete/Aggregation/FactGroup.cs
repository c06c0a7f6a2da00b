using System.Collections;

namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>
/// One group of a <see cref="GroupByStartNode"/>: its members are a list through its <see cref="FactGroups"/>'
/// arrays. A live view, like <see cref="Grouping{TKey, TElement}"/>: it changes as facts come and go.
/// </summary>
internal sealed class FactGroup<TKey, TElement> : AggregateResult, IGrouping<TKey, TElement>, IReadOnlyCollection<TElement>, IKeyedItem<TKey>
{
    private readonly FactGroups _owner;

    public FactGroup(FactGroups owner, TKey key)
    {
        _owner = owner;
        Key = key;
        Value = this;
    }

    public MemberList Members = MemberList.Empty;

    public TKey Key { get; }

    public int Count => Members.Count;

    public IEnumerator<TElement> GetEnumerator()
    {
        for (var id = Members.First; id >= 0; id = _owner.NextOf(id))
        {
            yield return (TElement)_owner.FactAt(id).Value;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
