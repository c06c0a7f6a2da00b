namespace CampaignFlow.Rules.Rete;

/// <summary>
/// An index from hash codes to small integer ids (a table's slots) by open addressing: each entry of 4 bytes holds the
/// id and, in the bits the id leaves free, part of its item's hash, so a lookup reads one array and looks at an item
/// only when that part matches.
/// </summary>
/// <remarks>
/// A chained table (an array of heads, then the item itself to compare keys, then the next) costs two or three cache
/// misses a lookup once a session's tables outgrow the cache, most of them on a key that is not there, which is what
/// inserting a fact always asks about. Here such a key usually costs one: its run of neighbouring entries, in one or
/// two cache lines. Linear probing, at most 7/8 full, removal by shifting back (no tombstones). Entries do not keep
/// their whole hash: moving one (removal, growth, more bits for ids) asks the owner for its item's hash
/// (<see cref="IHashedIds"/>). A mutable struct, so that a small session's many small memories pay no object for it:
/// keep it in a field, never copy it.
/// </remarks>
internal struct IdsByHash
{
    private uint[] _entries;
    private int _count;
    private int _shift;

    // The low bits of an entry hold 1 + the id (0: empty); the rest, the hash's low bits (its high bits choose where
    // the entry goes, so neighbours would share them).
    private int _idBits;

    /// <param name="capacity">The ids to make room for.</param>
    public IdsByHash(int capacity)
    {
        _entries = new uint[SizeFor(capacity)];
        _shift = ShiftFor(_entries.Length);
        _idBits = BitsFor(Limit(_entries.Length));
    }

    /// <summary>
    /// The hash to file a key's hash code under. Fibonacci hashing spreads codes that differ only in their high bits
    /// (or are multiples of a power of two) over the table; it is one-to-one, so equal keys have equal hashes.
    /// </summary>
    public static uint Of(int hashCode) => (uint)hashCode * 0x9E3779B9u;

    /// <summary>Where a lookup of <paramref name="hash"/> starts; pass it to <see cref="Next"/>.</summary>
    public readonly int Start(uint hash) => (int)(hash >> _shift);

    /// <summary>
    /// The next id from <paramref name="position"/> on (moving it past) whose item may have <paramref name="hash"/>,
    /// or -1 when there is none. The caller compares keys.
    /// </summary>
    public readonly int Next(uint hash, ref int position)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var idMask = (1u << _idBits) - 1;
        var part = hash << _idBits;
        while (true)
        {
            var entry = entries[position];
            if (entry == 0)
            {
                return -1;
            }

            position = (position + 1) & mask;
            if ((entry & ~idMask) == part)
            {
                return (int)(entry & idMask) - 1;
            }
        }
    }

    /// <summary>Files an id under a hash; the caller knows the id is not filed yet.</summary>
    public void Add(uint hash, int id, IHashedIds owner)
    {
        if (_count + 1 > Limit(_entries.Length))
        {
            Rebuild(_entries.Length * 2, owner);
        }

        // Owners reuse freed ids before new ones, so ids stay below the most items ever held, which the index (never
        // shrinking) had room for and sized its id bits to; this is for an owner that did not.
        if (id + 1L >= 1L << _idBits)
        {
            Rebuild(_entries.Length, owner, BitsFor(id + 1));
        }

        Place(hash, id);
        _count++;
    }

    /// <summary>Takes out the id filed under a hash.</summary>
    public void Remove(uint hash, int id, IHashedIds owner)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var idMask = (1u << _idBits) - 1;
        var hole = Start(hash);
        while ((entries[hole] & idMask) != (uint)(id + 1))
        {
            System.Diagnostics.Debug.Assert(entries[hole] != 0, "Only a filed id is removed.");
            hole = (hole + 1) & mask;
        }

        // Shift back the entries after the hole that a lookup starting at or before it must still find.
        for (var next = (hole + 1) & mask; entries[next] != 0; next = (next + 1) & mask)
        {
            var home = Start(owner.HashOf((int)(entries[next] & idMask) - 1));
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                entries[hole] = entries[next];
                hole = next;
            }
        }

        entries[hole] = 0;
        _count--;
    }

    /// <summary>Makes room for <paramref name="count"/> ids in one step, rather than doubling towards it.</summary>
    public void EnsureCapacity(int count, IHashedIds owner)
    {
        var size = SizeFor(count);
        if (size > _entries.Length)
        {
            Rebuild(size, owner);
        }
    }

    private static int Limit(int size) => size - (size >> 3);

    private static int ShiftFor(int size) => 32 - System.Numerics.BitOperations.Log2((uint)size);

    private static int SizeFor(int capacity)
    {
        var size = 16;
        while (Limit(size) < capacity)
        {
            size *= 2;
        }

        return size;
    }

    // Room for 1 + the largest id of an owner of that many ids (16 bits at least: a small index keeps 16 of the hash).
    private static int BitsFor(int capacity) => Math.Max(16, System.Numerics.BitOperations.Log2((uint)capacity) + 2);

    private readonly void Place(uint hash, int id)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var position = Start(hash);
        while (entries[position] != 0)
        {
            position = (position + 1) & mask;
        }

        entries[position] = (hash << _idBits) | (uint)(id + 1);
    }

    private void Rebuild(int size, IHashedIds owner, int idBits = 0)
    {
        // Asked in id order, the owner reads its arrays (and items made one after another) front to back; in the old
        // entries' order every hash would be a cache miss or three.
        var old = _entries;
        var oldIdMask = (1u << _idBits) - 1;
        var top = 0u;
        foreach (var entry in old)
        {
            top = Math.Max(top, entry & oldIdMask);
        }

        var live = new ulong[(top >> 6) + 1];
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                var id = (int)(entry & oldIdMask) - 1;
                live[id >> 6] |= 1UL << id;
            }
        }

        _entries = new uint[size];
        _shift = ShiftFor(size);
        _idBits = Math.Max(idBits, BitsFor(Limit(size)));
        for (var word = 0; word < live.Length; word++)
        {
            for (var bits = live[word]; bits != 0; bits &= bits - 1)
            {
                var id = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                Place(owner.HashOf(id), id);
            }
        }
    }
}
