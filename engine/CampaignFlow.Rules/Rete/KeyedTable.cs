namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A hash table of items by key whose entries are the items themselves (chained through
/// <see cref="IKeyedItem{TKey}.NextInTable"/>), enumerated in the order a dictionary would keep them.
/// </summary>
/// <remarks>
/// A session holds one item (bucket, group) per key of every node, hundreds of thousands in a large session.
/// A <c>Dictionary</c> costs a 20-28 byte entry per key on top of the item, in arrays that are copied and dropped
/// each time the table doubles; this costs 12 bytes a slot. Null keys never reach the table. Freed slots are
/// reused last-freed first, and enumeration runs over slots, as with a dictionary.
/// </remarks>
internal sealed class KeyedTable<TKey, TItem>
    where TItem : class, IKeyedItem<TKey>
{
    // Each head holds 1 + the slot of its chain's first item, or 0 when empty.
    private int[] _heads;
    private TItem?[] _slots;
    private int _used;
    private int[] _freed = [];
    private int _freedCount;
    private int _version;

    public KeyedTable(int capacity)
    {
        var size = 16;
        while (size < capacity)
        {
            size *= 2;
        }

        _heads = new int[size];
        _slots = new TItem?[size];
    }

    public int Count => _used - _freedCount;

    public TItem? Find(TKey key) => Find(key, out _);

    /// <summary>The item with the key and its slot, or null (and slot -1) when there is none.</summary>
    public TItem? Find(TKey key, out int slot)
    {
        for (var link = _heads[HeadOf(key, _heads.Length)]; link != 0;)
        {
            var item = _slots[link - 1]!;
            if (EqualityComparer<TKey>.Default.Equals(item.Key, key))
            {
                slot = link - 1;
                return item;
            }

            link = item.NextInTable;
        }

        slot = -1;
        return null;
    }

    /// <summary>The item in a slot (see <see cref="Add"/>), or null when the slot is free.</summary>
    public TItem? At(int slot) => _slots[slot];

    /// <summary>Adds an item whose key is not in the table yet.</summary>
    /// <returns>The item's slot, which stays its own until it is removed.</returns>
    public int Add(TItem item)
    {
        int slot;
        if (_freedCount > 0)
        {
            slot = _freed[--_freedCount];
        }
        else
        {
            if (_used == _slots.Length)
            {
                Grow(_slots.Length * 2);
            }

            slot = _used++;
        }

        _slots[slot] = item;
        ref var head = ref _heads[HeadOf(item.Key, _heads.Length)];
        item.NextInTable = head;
        head = slot + 1;
        _version++;
        return slot;
    }

    /// <summary>Removes this very item, if the table holds it.</summary>
    public bool Remove(TItem item)
    {
        var index = HeadOf(item.Key, _heads.Length);
        var previous = default(TItem);
        for (var link = _heads[index]; link != 0;)
        {
            var slot = link - 1;
            var current = _slots[slot]!;
            if (current == item)
            {
                if (previous is null)
                {
                    _heads[index] = item.NextInTable;
                }
                else
                {
                    previous.NextInTable = item.NextInTable;
                }

                item.NextInTable = 0;
                _slots[slot] = null;
                if (_freedCount == _freed.Length)
                {
                    Array.Resize(ref _freed, Math.Max(4, _freed.Length * 2));
                }

                _freed[_freedCount++] = slot;
                _version++;
                return true;
            }

            previous = current;
            link = current.NextInTable;
        }

        return false;
    }

    /// <summary>The items, slot by slot; like a dictionary's, it fails if the table changes meanwhile.</summary>
    public IEnumerable<TItem> Items()
    {
        var start = _version;
        for (var i = 0; i < _used; i++)
        {
            CheckUnchanged(start);
            if (_slots[i] is { } item)
            {
                yield return item;
            }
        }

        CheckUnchanged(start);
    }

    private static int HeadOf(TKey key, int size)
    {
        // Fibonacci hashing: spreads keys whose hash codes differ only in their high bits (or are multiples of a
        // power of two) over the power-of-two table.
        var hash = (uint)EqualityComparer<TKey>.Default.GetHashCode(key!) * 0x9E3779B9u;
        return (int)(hash >> (32 - System.Numerics.BitOperations.Log2((uint)size)));
    }

    private void CheckUnchanged(int start)
    {
        if (_version != start)
        {
            throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
        }
    }

    /// <summary>Makes room for <paramref name="count"/> items in one step, rather than doubling towards it.</summary>
    public void EnsureCapacity(int count)
    {
        var size = _slots.Length;
        while (size < count)
        {
            size *= 2;
        }

        if (size > _slots.Length)
        {
            Grow(size);
        }
    }

    private void Grow(int size)
    {
        Array.Resize(ref _slots, size);
        _heads = new int[_slots.Length];
        for (var slot = 0; slot < _used; slot++)
        {
            // Freed slots are empty: a table only doubles when none is left, but may be made room in beforehand.
            if (_slots[slot] is not { } item)
            {
                continue;
            }

            ref var head = ref _heads[HeadOf(item.Key, _heads.Length)];
            item.NextInTable = head;
            head = slot + 1;
        }
    }
}
