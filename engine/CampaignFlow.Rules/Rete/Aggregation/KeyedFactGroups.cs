using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>The groups of a <see cref="GroupByStartNode"/> in one session, by a key of type <typeparamref name="TKey"/>.</summary>
internal sealed class KeyedFactGroups<TKey, TElement>(FactTable facts, Func<object, TKey> keySelector, SizeHint hint) : FactGroups(facts)
{
    private const int NullGroup = -1;

    /// <summary>How a node makes each session's groups, typed once when the network is built.</summary>
    public static Func<FactTable, FactGroups> Factory(Func<object, TKey> keySelector, SizeHint hint) =>
        facts => new KeyedFactGroups<TKey, TElement>(facts, keySelector, hint);

    // Null keys never reach the table: they have a group of their own. A group's id is its slot in the table.
    private readonly KeyedTable<TKey, FactGroup<TKey, TElement>> _groups = new(hint.Value);
    private readonly List<FactGroup<TKey, TElement>> _changed = [];
    private FactGroup<TKey, TElement>? _nullGroup;

    public override void Add(Fact fact)
    {
        var key = keySelector(fact.Value);
        var (group, stored) = GroupFor(key);
        Append(ref group.Members, fact, stored);
        Touch(group);
    }

    public override void Modify(Fact fact)
    {
        var old = Stored(GroupOf(fact));
        var key = keySelector(fact.Value);
        if (EqualityComparer<TKey>.Default.Equals(old.Key, key))
        {
            Touch(old);
            return;
        }

        Unlink(ref old.Members, fact);
        Touch(old);
        var (group, stored) = GroupFor(key);
        Append(ref group.Members, fact, stored);
        Touch(group);
    }

    public override bool Remove(Fact fact)
    {
        var stored = GroupOf(fact);
        if (stored == 0)
        {
            return false;
        }

        var group = Stored(stored);
        Unlink(ref group.Members, fact);
        Touch(group);
        return true;
    }

    public override void TakeChanged(List<AggregateResult> changed)
    {
        foreach (var group in _changed)
        {
            group.Changed = false;
            group.HasValue = group.Count > 0;
            if (!group.HasValue)
            {
                // An empty group leaves the table; a later fact with its key starts a new group.
                if (group == _nullGroup)
                {
                    _nullGroup = null;
                }
                else
                {
                    _groups.Remove(group);
                }
            }

            changed.Add(group);
        }

        _changed.Clear();
    }

    private FactGroup<TKey, TElement> Stored(int stored) => stored == NullGroup ? _nullGroup! : _groups.At(stored - 1)!;

    private (FactGroup<TKey, TElement> Group, int Stored) GroupFor(TKey key)
    {
        if (key is null)
        {
            return (_nullGroup ??= new FactGroup<TKey, TElement>(this, key), NullGroup);
        }

        var group = _groups.Find(key, out var slot);
        if (group is null)
        {
            group = new FactGroup<TKey, TElement>(this, key);
            slot = _groups.Add(group);
            hint.Observe(_groups.Count);
        }

        return (group, slot + 1);
    }

    private void Touch(FactGroup<TKey, TElement> group)
    {
        if (!group.Changed)
        {
            group.Changed = true;
            _changed.Add(group);
        }
    }
}
