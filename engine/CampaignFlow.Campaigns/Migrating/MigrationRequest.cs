namespace CampaignFlow.Campaigns.Migrating;

/// <summary>Which running units of a plan move to which stored version, and whether only to see what would change.</summary>
/// <param name="PlanId">The plan the units run.</param>
/// <param name="ToVersion">A stored (published) version of that plan.</param>
/// <param name="By">Who asks (a token's name), kept in the unit's history.</param>
public sealed record MigrationRequest(string PlanId, int ToVersion, string By)
{
    /// <summary>The units to move; empty for every unit running the plan.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>True to only say what would change, lost progress included; nothing is written and nothing is refused for it.</summary>
    public bool DryRun { get; init; }

    /// <summary>True to move units whose progress would be lost (a gate already passed removed, a closed window moved).</summary>
    public bool AcceptLostProgress { get; init; }
}
