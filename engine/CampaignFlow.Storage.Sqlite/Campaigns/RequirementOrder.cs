using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Storage.Sqlite.Campaigns;

/// <summary>Tallies of one unit and plan version in requirement order (ordinal, as SQLite's binary collation orders them).</summary>
internal sealed class RequirementOrder : IComparer<OpenViolationTally>
{
    public static readonly RequirementOrder Instance = new();

    public int Compare(OpenViolationTally? x, OpenViolationTally? y) => string.CompareOrdinal(x?.RequirementId, y?.RequirementId);
}
