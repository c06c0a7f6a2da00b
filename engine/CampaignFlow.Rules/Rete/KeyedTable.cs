namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A hash table of items by key whose entries are the items themselves, each in a slot of its own (its id while it is
/// in the table), found through an <see cref="IdsByHash"/>; enumerated in the order a dictionary would keep them.
/// </summary>
/// <remarks>
/// A session holds one item (fact, bucket, group) per key, hundreds of thousands in a large session. A
/// <c>Dictionary</c> costs a 20-28 byte entry per key on top of the item, in arrays that are copied and dropped each
/// time the table doubles; this costs a slot of 8 bytes and an index entry of 4 (at most 7/8 full), and a lookup of a
/// key that is not there usually reads the index alone. Null keys never reach the table. Freed slots are reused last-freed
/// first, and enumeration runs over slots, as with a dictionary.
/// </remarks>
internal sealed class KeyedTable<TKey, TItem> : IHashedIds
    where TItem : class, IKeyedItem<TKey>
{
    private IdsByHash _index;
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

        _slots = new TItem?[size];
        _index = new IdsByHash(capacity);
    }

    public int Count => _used - _freedCount;

    public TItem? Find(TKey key) => Find(key, out _);

    /// <summary>The item with the key and its slot, or null (and slot -1) when there is none.</summary>
    public TItem? Find(TKey key, out int slot)
    {
        var hash = HashOf(key);
        var position = _index.Start(hash);
        for (var candidate = _index.Next(hash, ref position); candidate >= 0; candidate = _index.Next(hash, ref position))
        {
            var item = _slots[candidate]!;
            if (EqualityComparer<TKey>.Default.Equals(item.Key, key))
            {
                slot = candidate;
                return item;
            }
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
                Array.Resize(ref _slots, _slots.Length * 2);
            }

            slot = _used++;
        }

        _slots[slot] = item;
        _index.Add(HashOf(item.Key), slot, this);
        _version++;
        return slot;
    }

    /// <summary>Removes this very item, if the table holds it.</summary>
    public bool Remove(TItem item)
    {
        var hash = HashOf(item.Key);
        var position = _index.Start(hash);
        for (var slot = _index.Next(hash, ref position); slot >= 0; slot = _index.Next(hash, ref position))
        {
            if (_slots[slot] != item)
            {
                continue;
            }

            _index.Remove(hash, slot, this);
            _slots[slot] = null;
            if (_freedCount == _freed.Length)
            {
                Array.Resize(ref _freed, Math.Max(4, _freed.Length * 2));
            }

            _freed[_freedCount++] = slot;
            _version++;
            return true;
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
            Array.Resize(ref _slots, size);
        }

        _index.EnsureCapacity(count, this);
    }

    uint IHashedIds.HashOf(int id) => HashOf(_slots[id]!.Key);

    private static uint HashOf(TKey key) => IdsByHash.Of(EqualityComparer<TKey>.Default.GetHashCode(key!));

    private void CheckUnchanged(int start)
    {
        if (_version != start)
        {
            throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
        }
    }
}
