namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A partial match: the facts bound so far, as a chain back to the session's empty root token.
/// The fact bound to declaration <c>i</c> of a token of length <c>n</c> is <c>n - 1 - i</c> parents up.
/// </summary>
internal class Token
{
    public readonly Token? Parent;
    public readonly Fact? Fact;
    public readonly int Length;

    /// <summary>
    /// The token's id among the live tokens of the node that made it (the root token's is 0): small integers, reused
    /// once a token is withdrawn, by which the nodes it reaches keep what they know of it in arrays
    /// (<see cref="BetaMemory"/>). Tokens passed on unchanged (by a not, exists or filter) keep their maker's id.
    /// </summary>
    public int Id;

    public Token()
    {
    }

    public Token(Token parent, Fact fact)
    {
        Parent = parent;
        Fact = fact;
        Length = parent.Length + 1;
    }

    public object[] Values()
    {
        var values = new object[Length];
        for (var t = this; t.Fact is not null; t = t.Parent!)
        {
            values[t.Length - 1] = t.Fact.Value;
        }

        return values;
    }
}
