namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>Groups the paired facts by a key; each non-empty group is a result of its own.</summary>
internal sealed class GroupByAggregator<TKey, TElement>(Func<object, TKey> keySelector, SizeHint hint) : Aggregator
{
    public GroupByAggregator(Func<object, TKey> keySelector)
        : this(keySelector, new SizeHint(4096))
    {
    }

    // Null keys never reach the table: they have a group of their own.
    private readonly KeyedTable<TKey, Grouping<TKey, TElement>> _groups = new(hint.Value);
    private readonly List<Grouping<TKey, TElement>> _changed = [];
    private Grouping<TKey, TElement>? _nullGroup;

    public override IEnumerable<AggregateResult> Results =>
        _nullGroup is null ? _groups.Items() : _groups.Items().Append(_nullGroup);

    public override Aggregator CreateEmpty() => new GroupByAggregator<TKey, TElement>(keySelector, hint);

    public override void Add(AggregatePairing pair, object element)
    {
        var group = GroupOf(keySelector(element));
        group.Add(pair);
        pair.State = group;
        Touch(group);
    }

    public override void Modify(AggregatePairing pair, object element)
    {
        var old = (Grouping<TKey, TElement>)pair.State!;
        var key = keySelector(element);
        if (EqualityComparer<TKey>.Default.Equals(old.Key, key))
        {
            Touch(old);
            return;
        }

        Remove(pair, element);
        Add(pair, element);
    }

    public override void Remove(AggregatePairing pair, object element)
    {
        var group = (Grouping<TKey, TElement>)pair.State!;
        group.Remove(pair);
        Touch(group);
    }

    public override void TakeChanged(List<AggregateResult> into)
    {
        foreach (var group in _changed)
        {
            group.Changed = false;
            group.HasValue = group.Count > 0;
            if (!group.HasValue)
            {
                // An empty group leaves the index; a later fact with its key starts a new group.
                if (group.Key is null)
                {
                    _nullGroup = null;
                }
                else
                {
                    _groups.Remove(group);
                }
            }

            into.Add(group);
        }

        _changed.Clear();
    }

    private Grouping<TKey, TElement> GroupOf(TKey key)
    {
        if (key is null)
        {
            return _nullGroup ??= new Grouping<TKey, TElement>(key);
        }

        var group = _groups.Find(key);
        if (group is null)
        {
            group = new Grouping<TKey, TElement>(key);
            _groups.Add(group);
            hint.Observe(_groups.Count);
        }

        return group;
    }

    private void Touch(Grouping<TKey, TElement> group)
    {
        if (!group.Changed)
        {
            group.Changed = true;
            _changed.Add(group);
        }
    }
}
