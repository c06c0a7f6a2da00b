namespace CampaignFlow.Rules.Bench;

/// <summary>
/// Small objects kept alive beside a session, as many per fact as <c>--retain</c> says, each pointing at the one
/// before and at a fact (two references, like a token): a probe of what the garbage collector charges for every
/// object a session keeps, to tell how much fewer objects per fact could still buy.
/// </summary>
internal sealed class Ballast(Ballast? previous, object fact)
{
    public readonly Ballast? Previous = previous;
    public readonly object Fact = fact;

    /// <summary>Adds <paramref name="perFact"/> objects per fact to the chain ending at <paramref name="last"/>.</summary>
    /// <returns>The new end of the chain.</returns>
    public static Ballast? Add(Ballast? last, IReadOnlyList<object> facts, int perFact)
    {
        foreach (var fact in facts)
        {
            for (var i = 0; i < perFact; i++)
            {
                last = new Ballast(last, fact);
            }
        }

        return last;
    }
}
