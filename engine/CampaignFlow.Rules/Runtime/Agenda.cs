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
    private Activation[] _heap = new Activation[16];
    private long _sequence;

    public int Count { get; private set; }

    /// <summary>Queues an activation, or moves a queued one to the front of its priority as the most recent.</summary>
    public void Add(Activation activation)
    {
        activation.Sequence = ++_sequence;
        if (activation.AgendaIndex >= 0)
        {
            // A newer sequence only ever moves it up.
            Up(activation.AgendaIndex);
            return;
        }

        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, Count * 2);
        }

        Place(activation, Count++);
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
        _heap[Count] = null!;
        if (index == Count)
        {
            return;
        }

        Place(last, index);
        Down(index);
        Up(last.AgendaIndex);
    }

    public bool TryPop(out Activation activation)
    {
        if (Count == 0)
        {
            activation = null!;
            return false;
        }

        activation = _heap[0];
        Remove(activation);
        return true;
    }

    /// <summary>Whether <paramref name="a"/> fires before <paramref name="b"/>.</summary>
    private static bool Before(Activation a, Activation b) =>
        a.Node.Priority != b.Node.Priority ? a.Node.Priority > b.Node.Priority : a.Sequence > b.Sequence;

    private void Place(Activation activation, int index)
    {
        _heap[index] = activation;
        activation.AgendaIndex = index;
    }

    private void Up(int index)
    {
        var activation = _heap[index];
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Before(activation, _heap[parent]))
            {
                break;
            }

            Place(_heap[parent], index);
            index = parent;
        }

        Place(activation, index);
    }

    private void Down(int index)
    {
        var activation = _heap[index];
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

            if (!Before(_heap[child], activation))
            {
                break;
            }

            Place(_heap[child], index);
            index = child;
        }

        Place(activation, index);
    }
}
