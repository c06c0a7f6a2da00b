namespace CampaignFlow.Rules.Runtime;

/// <summary>
/// Activations waiting to fire: highest rule priority first, then the most recent. A binary heap that knows each
/// activation's place in it (<see cref="Activation.AgendaIndex"/>), so that a withdrawn match leaves at once.
/// </summary>
/// <remarks>
/// A heap with lazy removal kept every withdrawn activation, and the match it pointed to, until it surfaced: in a
/// large session, matches made and withdrawn while facts arrive piled up by the hundred thousand.
/// </remarks>
internal sealed class Agenda
{
    // Each slot carries the activation's ordering keys, so that sifting compares in the array without visiting the
    // activations (in a large session they are scattered over the heap).
    private Entry[] _heap = new Entry[16];
    private long _sequence;

    public int Count { get; private set; }

    /// <summary>Queues an activation, or moves a queued one to the front of its priority as the most recent.</summary>
    public void Add(Activation activation)
    {
        activation.Sequence = ++_sequence;
        if (activation.AgendaIndex >= 0)
        {
            // A newer sequence only ever moves it up.
            _heap[activation.AgendaIndex].Sequence = activation.Sequence;
            Up(activation.AgendaIndex);
            return;
        }

        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, Count * 2);
        }

        Place(new Entry(activation, activation.Node.Priority, activation.Sequence), Count++);
        Up(Count - 1);
    }

    public void Remove(Activation activation)
    {
        var index = activation.AgendaIndex;
        if (index < 0)
        {
            return;
        }

        activation.AgendaIndex = -1;
        var last = _heap[--Count];
        _heap[Count] = default;
        if (index == Count)
        {
            return;
        }

        Place(last, index);
        Down(index);
        Up(last.Activation.AgendaIndex);
    }

    public bool TryPop(out Activation activation)
    {
        if (Count == 0)
        {
            activation = null!;
            return false;
        }

        activation = _heap[0].Activation;
        Remove(activation);
        if (Count == 0 && _heap.Length > 1024)
        {
            // A drained agenda of a large session need not hold its largest size until the next fire.
            _heap = new Entry[16];
        }

        return true;
    }

    /// <summary>Whether <paramref name="a"/> fires before <paramref name="b"/>.</summary>
    private static bool Before(in Entry a, in Entry b) =>
        a.Priority != b.Priority ? a.Priority > b.Priority : a.Sequence > b.Sequence;

    private void Place(Entry entry, int index)
    {
        _heap[index] = entry;
        entry.Activation.AgendaIndex = index;
    }

    private void Up(int index)
    {
        var entry = _heap[index];
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Before(entry, _heap[parent]))
            {
                break;
            }

            Place(_heap[parent], index);
            index = parent;
        }

        Place(entry, index);
    }

    private void Down(int index)
    {
        var entry = _heap[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Before(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Before(_heap[child], entry))
            {
                break;
            }

            Place(_heap[child], index);
            index = child;
        }

        Place(entry, index);
    }

    private record struct Entry(Activation Activation, int Priority, long Sequence);
}
