using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Verdicts;

/// <summary>What persisting a session's verdicts changed in the violation store.</summary>
/// <param name="Opened">Violations opened, reopened or changed.</param>
/// <param name="Resolved">Violations resolved.</param>
internal sealed record VerdictChanges(IReadOnlyList<StoredViolation> Opened, IReadOnlyList<StoredViolation> Resolved)
{
    /// <summary>Nothing changed.</summary>
    public static VerdictChanges None { get; } = new([], []);
}
