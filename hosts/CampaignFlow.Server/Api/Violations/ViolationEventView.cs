using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>One step of a violation's history.</summary>
/// <param name="Kind">opened, changed, resolved or reopened.</param>
/// <param name="At">When.</param>
/// <param name="Details">What the rules engine recorded then.</param>
public sealed record ViolationEventView(string Kind, DateTimeOffset At, System.Text.Json.JsonElement Details)
{
    /// <summary>The view of <paramref name="e"/>.</summary>
    /// <param name="e">The stored event.</param>
    public static ViolationEventView Of(ViolationEvent e) => new(e.Kind.ToString().ToLowerInvariant(), e.At, ViolationView.EvidenceOf(e.Details));
}
