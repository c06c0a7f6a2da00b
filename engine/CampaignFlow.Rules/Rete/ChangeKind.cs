namespace CampaignFlow.Rules.Rete;

/// <summary>What happened to a partial match or a pair in a beta node.</summary>
internal enum ChangeKind
{
    Added,
    Updated,
    Removed,

    /// <summary>Only the pairs of the token changed, because a fact on the right came, went or changed.</summary>
    PairsChanged,
}
