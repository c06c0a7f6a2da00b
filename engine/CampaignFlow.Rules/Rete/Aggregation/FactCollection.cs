using System.Collections;

namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>
/// The facts of a collect or group-by result. A live view: it changes as facts come and go, and the rule
/// that matched it fires again when it does.
/// </summary>
internal class FactCollection<TElement> : AggregateResult, IReadOnlyCollection<TElement>
{
    private AggregatePairing[] _pairs = [];

    public int Count { get; private set; }

    public void Add(AggregatePairing pair)
    {
        if (Count == _pairs.Length)
        {
            Array.Resize(ref _pairs, Math.Max(4, Count * 2));
        }

        pair.Slot = Count;
        _pairs[Count++] = pair;
    }

    public void Remove(AggregatePairing pair)
    {
        var last = _pairs[--Count];
        _pairs[pair.Slot] = last;
        last.Slot = pair.Slot;
        _pairs[Count] = null!;
    }

    public IEnumerator<TElement> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return (TElement)_pairs[i].Fact!.Value;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
