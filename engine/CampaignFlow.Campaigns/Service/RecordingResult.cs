using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Campaigns.Service;

/// <summary>What <see cref="CampaignService.RecordAsync(string, string, RecordFormat, string, RecordPolicy, CancellationToken)"/> did with a text of records.</summary>
/// <param name="Diagnostics">What is wrong in the text, at line:column; with any error nothing was stored.</param>
/// <param name="Records">
/// Per record, in the text's order: inserted, duplicate (same key and content as stored before) or conflict (same key,
/// other content), or withheld (new, but not stored because another record conflicts): with any conflict nothing was stored.
/// </param>
/// <param name="Opened">Violations this recording opened (or re-opened, or changed).</param>
/// <param name="Resolved">Violations this recording resolved.</param>
public sealed record RecordingResult(
    IReadOnlyList<PlanDiagnostic> Diagnostics,
    IReadOnlyList<AppendResult> Records,
    IReadOnlyList<StoredViolation> Opened,
    IReadOnlyList<StoredViolation> Resolved)
{
    /// <summary>True when the text had an error: nothing was stored.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Why the caller's policy refused a record, if it did: nothing was stored.</summary>
    public RecordRefusal? Refusal { get; init; }

    /// <summary>True when a key was stored before with other content: nothing was stored.</summary>
    public bool HasConflicts => Records.Any(r => r.Outcome == AppendOutcome.Conflict);
}
