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
    /// A pair's place in an aggregate's collection. Declared here, beside <see cref="Length"/>, because the runtime
    /// pads each class's own fields to 8 bytes: here it fills a gap, on <see cref="Pairing"/> it would add 8 bytes.
    /// </summary>
    public int Slot;

    public NodeEntry? Entries;

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
