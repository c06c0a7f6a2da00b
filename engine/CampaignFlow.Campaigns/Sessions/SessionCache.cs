namespace CampaignFlow.Campaigns.Sessions;

/// <summary>
/// The rule sessions kept in memory, at most a fixed number, the least recently used going first. An evicted
/// session is simply dropped: everything it said is stored, and it is rebuilt by replay when its unit is next used.
/// </summary>
/// <threadsafety>Safe for concurrent use; a session itself is used only under its unit's lock.</threadsafety>
/// <param name="capacity">The most sessions kept; at least 1.</param>
internal sealed class SessionCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, UnitSession Session)>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, UnitSession Session)> _recency = [];
    private readonly int _capacity = Math.Max(1, capacity);

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
            return node.Value.Session;
        }
    }

    /// <summary>Keeps <paramref name="session"/> under <paramref name="key"/>, evicting the least recently used beyond the capacity.</summary>
    public void Put(string key, UnitSession session)
    {
        lock (_lock)
        {
            if (_byKey.Remove(key, out var old))
            {
                _recency.Remove(old);
            }

            _byKey[key] = _recency.AddFirst((key, session));
            while (_byKey.Count > _capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _byKey.Remove(last.Value.Key);
            }
        }
    }

    /// <summary>Drops the session kept under <paramref name="key"/> (after a failure left it out of step with the store).</summary>
    public void Remove(string key)
    {
        lock (_lock)
        {
            if (_byKey.Remove(key, out var node))
            {
                _recency.Remove(node);
            }
        }
    }
}
