using System.Collections;

namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>
/// The facts of a collect or group-by result. A live view: it changes as facts come and go, and the rule
/// that matched it fires again when it does.
/// </summary>
internal class FactCollection<TElement> : AggregateResult, IReadOnlyCollection<TElement>
{
    private Pairing[] pairs = [];

    public int Count { get; private set; }

    public void Add(Pairing pair)
    {
        if (Count == pairs.Length)
        {
            Array.Resize(ref pairs, Math.Max(4, Count * 2));
        }

        pair.Slot = Count;
        pairs[Count++] = pair;
    }

    public void Remove(Pairing pair)
    {
        var last = pairs[--Count];
        pairs[pair.Slot] = last;
        last.Slot = pair.Slot;
        pairs[Count] = null!;
    }

    public IEnumerator<TElement> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return (TElement)pairs[i].Fact!.Value;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
