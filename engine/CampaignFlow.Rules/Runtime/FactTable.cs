using System.Diagnostics.CodeAnalysis;
using CampaignFlow.Rules.Rete;

namespace CampaignFlow.Rules.Runtime;

/// <summary>
/// A session's facts by identity of their objects: a <see cref="KeyedTable{TKey, TItem}"/> whose entries are the
/// <see cref="Fact"/>s themselves, in the order a dictionary would keep them.
/// </summary>
/// <remarks>
/// Every insert asks for an object that is not there yet. A chained table (heads, then the fact to compare) answered
/// that with two or three cache misses once a session outgrew the cache, ~700 ns a fact in a session of 867,000
/// against ~40 ns in one of 87; the keyed table's index carries part of each hash beside the slot, so a new object
/// is usually answered by one read of it. A <c>Dictionary&lt;object, Fact&gt;</c> costs 28 bytes per slot, in arrays
/// that are copied and thrown away each time it doubles; the keyed table 12-16.
/// </remarks>
internal sealed class FactTable(int capacity)
{
    private readonly KeyedTable<ObjectIdentity, Fact> _table = new(capacity);

    public int Count => _table.Count;

    public bool ContainsKey(object value) => _table.Find(new ObjectIdentity(value)) is not null;

    public bool TryGetValue(object value, [NotNullWhen(true)] out Fact? fact)
    {
        fact = _table.Find(new ObjectIdentity(value));
        return fact is not null;
    }

    /// <summary>Makes room for <paramref name="more"/> facts beyond those there, in one step.</summary>
    public void Reserve(int more) => _table.EnsureCapacity(Count + more);

    /// <summary>The live fact whose <see cref="Fact.Id"/> is <paramref name="id"/>.</summary>
    public Fact At(int id) => _table.At(id)!;

    /// <summary>Adds a fact under its <see cref="Fact.Value"/> unless that object is already there.</summary>
    public bool TryAdd(Fact fact)
    {
        if (_table.Find(new ObjectIdentity(fact.Value)) is not null)
        {
            return false;
        }

        fact.Id = _table.Add(fact);
        return true;
    }

    /// <summary>Takes a fact out of the table; it keeps its <see cref="Fact.Id"/> until the caller lets go of it.</summary>
    public void Remove(Fact fact) => _table.Remove(fact);

    /// <summary>Files a fact under another object (one not in the table), keeping its slot and so its id.</summary>
    public void ChangeValue(Fact fact, object value)
    {
        _table.Remove(fact);
        fact.Value = value;

        // The slot just freed is the first one reused.
        var slot = _table.Add(fact);
        System.Diagnostics.Debug.Assert(slot == fact.Id, "A fact changing its value kept its slot.");
    }

    /// <summary>The objects of the facts, slot by slot; like a dictionary's, it fails if the table changes meanwhile.</summary>
    public IEnumerable<object> Values() => _table.Items().Select(fact => fact.Value);
}
