using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Campaigns.Lifecycle;

/// <summary>
/// A plan's text read as a draft against the definitions folder: its findings and, when it has no errors, the plan,
/// version and unit it names and the files it would be published with (the text, its roster, its parents).
/// </summary>
/// <param name="Findings">Every finding, at line:column.</param>
/// <param name="PlanId">The plan it names, when it has no errors.</param>
/// <param name="Version">Its <c>version:</c>.</param>
/// <param name="Unit">The unit it is for.</param>
/// <param name="Files">Its files, the text first.</param>
public sealed record PlanDraftText(IReadOnlyList<PlanDiagnostic> Findings, string? PlanId, int Version, string? Unit, IReadOnlyList<PlanSourceFile> Files)
{
    /// <summary>True when it has an error and cannot be a draft.</summary>
    public bool HasErrors => PlanId is null || Findings.Any(f => f.Severity == DiagnosticSeverity.Error);
}
