using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using CampaignFlow.Rules.Rete;

namespace CampaignFlow.Rules.Runtime;

/// <summary>
/// A session's facts by identity of their objects: a hash table whose entries are the <see cref="Fact"/>s
/// themselves (chained through <see cref="Fact.NextInTable"/>), in the order a dictionary would keep them.
/// </summary>
/// <remarks>
/// A <c>Dictionary&lt;object, Fact&gt;</c> costs 28 bytes per slot, all of it in arrays that are copied and thrown
/// away each time the table doubles; this costs 12, and its chains live in padding the fact already has.
/// Freed slots are reused last-freed first and enumeration runs over slots, as with a dictionary.
/// </remarks>
internal sealed class FactTable
{
    // Each bucket holds 1 + the slot of its chain's first fact, or 0 when empty.
    private int[] buckets;
    private Fact?[] slots;
    private int used;
    private int[] freed = [];
    private int freedCount;
    private int version;

    public FactTable(int capacity)
    {
        var size = 16;
        while (size < capacity)
        {
            size *= 2;
        }

        buckets = new int[size];
        slots = new Fact?[size];
    }

    public int Count => used - freedCount;

    public bool ContainsKey(object value) => Find(value) is not null;

    public bool TryGetValue(object value, [NotNullWhen(true)] out Fact? fact)
    {
        fact = Find(value);
        return fact is not null;
    }

    /// <summary>Adds a fact under its <see cref="Fact.Value"/> unless that object is already there.</summary>
    public bool TryAdd(Fact fact)
    {
        if (Find(fact.Value) is not null)
        {
            return false;
        }

        int slot;
        if (freedCount > 0)
        {
            slot = freed[--freedCount];
        }
        else
        {
            if (used == slots.Length)
            {
                Grow();
            }

            slot = used++;
        }

        slots[slot] = fact;
        ref var bucket = ref buckets[BucketOf(fact.Value, buckets.Length)];
        fact.NextInTable = bucket;
        bucket = slot + 1;
        version++;
        return true;
    }

    public bool Remove(object value)
    {
        ref var link = ref buckets[BucketOf(value, buckets.Length)];
        while (link != 0)
        {
            var slot = link - 1;
            var fact = slots[slot]!;
            if (ReferenceEquals(fact.Value, value))
            {
                link = fact.NextInTable;
                fact.NextInTable = 0;
                slots[slot] = null;
                if (freedCount == freed.Length)
                {
                    Array.Resize(ref freed, Math.Max(4, freed.Length * 2));
                }

                freed[freedCount++] = slot;
                version++;
                return true;
            }

            link = ref fact.NextInTable;
        }

        return false;
    }

    /// <summary>The objects of the facts, slot by slot; like a dictionary's, it fails if the table changes meanwhile.</summary>
    public IEnumerable<object> Values()
    {
        var start = version;
        for (var i = 0; i < used; i++)
        {
            CheckUnchanged(start);
            if (slots[i] is { } fact)
            {
                yield return fact.Value;
            }
        }

        CheckUnchanged(start);
    }

    private void CheckUnchanged(int start)
    {
        if (version != start)
        {
            throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
        }
    }

    private static int BucketOf(object value, int size) => RuntimeHelpers.GetHashCode(value) & (size - 1);

    private Fact? Find(object value)
    {
        for (var link = buckets[BucketOf(value, buckets.Length)]; link != 0;)
        {
            var fact = slots[link - 1]!;
            if (ReferenceEquals(fact.Value, value))
            {
                return fact;
            }

            link = fact.NextInTable;
        }

        return null;
    }

    private void Grow()
    {
        Array.Resize(ref slots, slots.Length * 2);
        buckets = new int[slots.Length];
        for (var slot = 0; slot < used; slot++)
        {
            // Slots are all in use when the table grows (freed slots are taken first).
            var fact = slots[slot]!;
            ref var bucket = ref buckets[BucketOf(fact.Value, buckets.Length)];
            fact.NextInTable = bucket;
            bucket = slot + 1;
        }
    }
}
