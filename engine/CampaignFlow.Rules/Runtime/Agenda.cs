namespace CampaignFlow.Rules.Runtime;

/// <summary>
/// Activations waiting to fire: highest rule priority first, then the most recent. Removal is lazy (a removed or
/// re-queued activation leaves a stale heap entry that is skipped when it surfaces).
/// </summary>
internal sealed class Agenda
{
    private PriorityQueue<Activation, (int Priority, long Sequence)> _queue = new(Order.Instance);
    private long _sequence;

    public int Count { get; private set; }

    public void Add(Activation activation)
    {
        if (!activation.IsQueued)
        {
            activation.IsQueued = true;
            Count++;
        }

        activation.Sequence = ++_sequence;
        _queue.Enqueue(activation, (activation.Node.Priority, activation.Sequence));
        if (_queue.Count > 64 && _queue.Count > 4 * Count)
        {
            Compact();
        }
    }

    public void Remove(Activation activation)
    {
        if (activation.IsQueued)
        {
            activation.IsQueued = false;
            Count--;
        }
    }

    public bool TryPop(out Activation activation)
    {
        while (_queue.TryDequeue(out activation!, out var key))
        {
            if (activation.IsQueued && key.Sequence == activation.Sequence)
            {
                activation.IsQueued = false;
                Count--;
                return true;
            }
        }

        return false;
    }

    private void Compact()
    {
        var live = new PriorityQueue<Activation, (int Priority, long Sequence)>(Order.Instance);
        foreach (var (activation, key) in _queue.UnorderedItems)
        {
            if (activation.IsQueued && key.Sequence == activation.Sequence)
            {
                live.Enqueue(activation, key);
            }
        }

        _queue = live;
    }

    private sealed class Order : IComparer<(int Priority, long Sequence)>
    {
        public static readonly Order Instance = new();

        public int Compare((int Priority, long Sequence) x, (int Priority, long Sequence) y) =>
            x.Priority != y.Priority ? y.Priority.CompareTo(x.Priority) : y.Sequence.CompareTo(x.Sequence);
    }
}
