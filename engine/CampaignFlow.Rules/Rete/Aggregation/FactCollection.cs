using System.Collections;

namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>
/// The facts of a collect or group-by result. A live view: it changes as facts come and go, and the rule
/// that matched it fires again when it does.
/// </summary>
internal class FactCollection<TElement> : AggregateResult, IReadOnlyCollection<TElement>
{
    private readonly List<Pairing> pairs = [];

    public int Count => pairs.Count;

    public void Add(Pairing pair)
    {
        pair.Slot = pairs.Count;
        pairs.Add(pair);
    }

    public void Remove(Pairing pair)
    {
        var last = pairs[^1];
        pairs[pair.Slot] = last;
        last.Slot = pair.Slot;
        pairs.RemoveAt(pairs.Count - 1);
    }

    public IEnumerator<TElement> GetEnumerator()
    {
        foreach (var pair in pairs)
        {
            yield return (TElement)pair.Right.Fact.Value;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
