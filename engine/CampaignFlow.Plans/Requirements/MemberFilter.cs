namespace CampaignFlow.Plans.Requirements;

/// <summary>
/// Which people of the units below a body's requirement over their members counts (下级单位党员干部…): picked by role and
/// rank from each unit's own roster, since the body's plan cannot name them.
/// </summary>
/// <param name="Role">The role they hold, or null for anyone.</param>
/// <param name="Rank">The ranks they hold, or null for any.</param>
/// <param name="ExceptRank">The ranks left out, or null for none.</param>
public sealed record MemberFilter(string? Role, IReadOnlyList<string>? Rank, IReadOnlyList<string>? ExceptRank)
{
    /// <summary>True when a person with <paramref name="roles"/> and <paramref name="rank"/> is counted.</summary>
    /// <param name="roles">The person's roles.</param>
    /// <param name="rank">The person's rank, or null.</param>
    public bool Selects(IReadOnlyCollection<string> roles, string? rank)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return (Role is null || roles.Contains(Role, StringComparer.Ordinal))
            && (Rank is null || (rank is not null && Rank.Contains(rank, StringComparer.Ordinal)))
            && (ExceptRank is null || rank is null || !ExceptRank.Contains(rank, StringComparer.Ordinal));
    }
}
