using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using CampaignFlow.Rules.Rete;

namespace CampaignFlow.Rules.Runtime;

/// <summary>
/// A session's facts by identity of their objects: each <see cref="Fact"/> in a slot of its own (its
/// <see cref="Fact.Id"/>), found by the object's identity hash through an <see cref="IdsByHash"/>, enumerated in the
/// order a dictionary would keep them. Freed slots are reused last-freed first.
/// </summary>
/// <remarks>
/// Every insert asks for an object that is not there yet. In a chained table (heads, then the fact to compare) that
/// cost two or three cache misses once a session outgrew the cache, ~700 ns a fact in a session of 867,000 against
/// ~40 ns in one of 87; the index carries part of each object's hash beside its slot, so a new object is usually answered by
/// one read of the index. A slot and an index entry cost 12-16 bytes a fact (a <c>Dictionary&lt;object, Fact&gt;</c>
/// 28, in arrays copied and thrown away each time it doubles).
/// </remarks>
internal sealed class FactTable
{
    private readonly IdsByHash _index;
    private Fact?[] _slots;
    private int _used;
    private int[] _freed = [];
    private int _freedCount;
    private int _version;

    public FactTable(int capacity)
    {
        var size = 16;
        while (size < capacity)
        {
            size *= 2;
        }

        _slots = new Fact?[size];
        _index = new IdsByHash(capacity, slot => HashOf(_slots[slot]!.Value));
    }

    public int Count => _used - _freedCount;

    public bool ContainsKey(object value) => Find(value) is not null;

    public bool TryGetValue(object value, [NotNullWhen(true)] out Fact? fact)
    {
        fact = Find(value);
        return fact is not null;
    }

    /// <summary>Makes room for <paramref name="more"/> facts beyond those there, in one step.</summary>
    public void Reserve(int more)
    {
        var count = Count + more;
        var size = _slots.Length;
        while (size < count)
        {
            size *= 2;
        }

        if (size > _slots.Length)
        {
            Array.Resize(ref _slots, size);
        }

        _index.EnsureCapacity(count);
    }

    /// <summary>The live fact whose <see cref="Fact.Id"/> is <paramref name="id"/>.</summary>
    public Fact At(int id) => _slots[id]!;

    /// <summary>Adds a fact under its <see cref="Fact.Value"/> unless that object is already there.</summary>
    public bool TryAdd(Fact fact)
    {
        if (Find(fact.Value) is not null)
        {
            return false;
        }

        fact.Id = Add(fact);
        return true;
    }

    /// <summary>Takes a fact out of the table; it keeps its <see cref="Fact.Id"/> until the caller lets go of it.</summary>
    public void Remove(Fact fact)
    {
        _index.Remove(HashOf(fact.Value), fact.Id);
        _slots[fact.Id] = null;
        if (_freedCount == _freed.Length)
        {
            Array.Resize(ref _freed, Math.Max(4, _freed.Length * 2));
        }

        _freed[_freedCount++] = fact.Id;
        _version++;
    }

    /// <summary>Files a fact under another object (one not in the table), keeping its slot and so its id.</summary>
    public void ChangeValue(Fact fact, object value)
    {
        Remove(fact);
        fact.Value = value;

        // The slot just freed is the first one reused.
        var slot = Add(fact);
        System.Diagnostics.Debug.Assert(slot == fact.Id, "A fact changing its value kept its slot.");
    }

    /// <summary>The objects of the facts, slot by slot; like a dictionary's, it fails if the table changes meanwhile.</summary>
    public IEnumerable<object> Values()
    {
        var start = _version;
        for (var i = 0; i < _used; i++)
        {
            CheckUnchanged(start);
            if (_slots[i] is { } fact)
            {
                yield return fact.Value;
            }
        }

        CheckUnchanged(start);
    }

    private static uint HashOf(object value) => IdsByHash.Of(RuntimeHelpers.GetHashCode(value));

    private Fact? Find(object value)
    {
        var hash = HashOf(value);
        var position = _index.Start(hash);
        for (var slot = _index.Next(hash, ref position); slot >= 0; slot = _index.Next(hash, ref position))
        {
            var fact = _slots[slot]!;
            if (ReferenceEquals(fact.Value, value))
            {
                return fact;
            }
        }

        return null;
    }

    private int Add(Fact fact)
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

        _slots[slot] = fact;
        _index.Add(HashOf(fact.Value), slot);
        _version++;
        return slot;
    }

    private void CheckUnchanged(int start)
    {
        if (_version != start)
        {
            throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
        }
    }
}
