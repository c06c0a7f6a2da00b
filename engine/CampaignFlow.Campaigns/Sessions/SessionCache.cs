namespace CampaignFlow.Campaigns.Sessions;

/// <summary>
/// The rule sessions kept in memory, the least recently used going first when there are more than
/// <c>capacity</c> or they hold more than <c>recordBudget</c> of their units' own records between them. A session's
/// memory grows with the records it holds, so a budget of records bounds memory where a count of sessions cannot:
/// ten thousand units early in a campaign cost less than a thousand at its end. A body's records of the units below
/// are not weighed: the body is used every tick and rebuilt every <c>BodyRebuildInterval</c> anyway, and a province
/// body weighed by them could outweigh the budget alone and push every unit out at each tick. An evicted session is
/// simply dropped: everything it said is stored, and it is rebuilt by replay when its unit is next used.
/// </summary>
/// <threadsafety>Safe for concurrent use; a session itself is used only under its unit's lock.</threadsafety>
/// <param name="capacity">The most sessions kept; at least 1.</param>
/// <param name="recordBudget">The most records the kept sessions may hold between them; the most recently used session stays whatever it holds.</param>
internal sealed class SessionCache(int capacity, long recordBudget)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = [];
    private readonly int _capacity = Math.Max(1, capacity);
    private readonly long _recordBudget = Math.Max(1, recordBudget);
    private long _records;

    /// <summary>How many sessions are in memory.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byKey.Count;
            }
        }
    }

    /// <summary>The records the kept sessions held when each was last put or taken.</summary>
    public long Records
    {
        get
        {
            lock (_lock)
            {
                return _records;
            }
        }
    }

    /// <summary>The session kept under <paramref name="key"/>, now the most recently used; or null.</summary>
    public UnitSession? Get(string key)
    {
        lock (_lock)
        {
            if (!_byKey.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            // It grew since it was put (its unit recorded): weigh it again, so the budget sees what it holds now.
            Reweigh(node);
            EvictBeyondLimits();
            return node.Value.Session;
        }
    }

    /// <summary>Keeps <paramref name="session"/> under <paramref name="key"/>, evicting the least recently used beyond the limits.</summary>
    public void Put(string key, UnitSession session)
    {
        lock (_lock)
        {
            RemoveLocked(key);
            var entry = new Entry(key, session) { Weight = WeightOf(session) };
            _byKey[key] = _recency.AddFirst(entry);
            _records += entry.Weight;
            EvictBeyondLimits();
        }
    }

    /// <summary>Weighs the session kept under <paramref name="key"/> again after its unit's work added records to it.</summary>
    public void Reweigh(string key)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                Reweigh(node);
                EvictBeyondLimits();
            }
        }
    }

    /// <summary>Drops the session kept under <paramref name="key"/> (after a failure left it out of step with the store).</summary>
    public void Remove(string key)
    {
        lock (_lock)
        {
            RemoveLocked(key);
        }
    }

    // A session's own memory (its rules' node memories, its schedule of dues) weighs about as much as 16 records: at
    // 10,000 units of about 16 records each, the sessions held about 650 MB of heap (whole-campaign harness, 2026-12-06).
    private const int SessionOverhead = 16;

    private static long WeightOf(UnitSession session) => SessionOverhead + session.Compliance.Records.Count;

    private void Reweigh(LinkedListNode<Entry> node)
    {
        var weight = WeightOf(node.Value.Session);
        _records += weight - node.Value.Weight;
        node.Value.Weight = weight;
    }

    private void EvictBeyondLimits()
    {
        while (_byKey.Count > 1 && (_byKey.Count > _capacity || _records > _recordBudget))
        {
            var last = _recency.Last!;
            _recency.RemoveLast();
            _byKey.Remove(last.Value.Key);
            _records -= last.Value.Weight;
        }
    }

    private void RemoveLocked(string key)
    {
        if (_byKey.Remove(key, out var node))
        {
            _recency.Remove(node);
            _records -= node.Value.Weight;
        }
    }

    private sealed class Entry(string key, UnitSession session)
    {
        public string Key { get; } = key;

        public UnitSession Session { get; } = session;

        public long Weight { get; set; }
    }
}
