using System.Text.Json;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>One step of a violation's history.</summary>
/// <param name="Kind">opened, changed, resolved or reopened.</param>
/// <param name="At">When.</param>
/// <param name="Records">
/// The keys of the records that caused a change or a resolution (empty for an opening, which a period's closing
/// causes); null for a step stored before steps named their records.
/// </param>
/// <param name="Details">What the rules engine recorded then: for a change or a resolution, the evidence after it.</param>
public sealed record ViolationEventView(string Kind, DateTimeOffset At, IReadOnlyList<string>? Records, JsonElement Details)
{
    /// <summary>The view of <paramref name="e"/>.</summary>
    /// <param name="e">The stored event.</param>
    public static ViolationEventView Of(ViolationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var details = ViolationView.EvidenceOf(e.Details);
        IReadOnlyList<string>? records = details.ValueKind == JsonValueKind.Object && details.TryGetProperty("records", out var named) && named.ValueKind == JsonValueKind.Array
            ? named.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToArray()
            : null;
        return new(e.Kind.ToString().ToLowerInvariant(), e.At, records, details);
    }
}
