namespace CampaignFlow.Rules.Rete;

/// <summary>
/// One (partial match, fact) pair that satisfies a beta node's join conditions. Threaded on two intrusive
/// lists, one per side, so that either side can drop all its pairs without searching. A pair is also the token
/// that extends the partial match with the fact, so that a join creates one object per match, not two.
/// </summary>
internal sealed class Pairing(LeftEntry left, RightEntry right) : Token(left.Token, right.Fact)
{
    public readonly LeftEntry Left = left;
    public readonly RightEntry Right = right;
    public Pairing? PreviousOfLeft;
    public Pairing? NextOfLeft;
    public Pairing? PreviousOfRight;
    public Pairing? NextOfRight;

    /// <summary>What an aggregate remembers about the fact's contribution (its value, its group).</summary>
    public object? State;
    public int Slot;
    public bool Seen;
}
