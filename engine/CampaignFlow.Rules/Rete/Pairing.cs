namespace CampaignFlow.Rules.Rete;

/// <summary>
/// One (partial match, fact) pair that satisfies a beta node's join conditions. Threaded on two intrusive
/// lists, one per side, so that either side can drop all its pairs without searching. A pair is also the token
/// that extends the partial match with the fact, so that a join creates one object per match, not two.
/// </summary>
/// <remarks>
/// A session holds a pair per match of every join, so a pair does not point at its node's entries: the node
/// finds them from <see cref="Token.Parent"/> and <see cref="Token.Fact"/>, whose entry chains are short.
/// </remarks>
internal class Pairing(Token parent, Fact fact) : Token(parent, fact)
{
    public Pairing? PreviousOfLeft;
    public Pairing? NextOfLeft;
    public Pairing? PreviousOfRight;
    public Pairing? NextOfRight;

}
