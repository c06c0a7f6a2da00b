using System.Globalization;
using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Api.PlanLifecycle;

/// <summary>A plan version on its way to publication (or published through the API).</summary>
/// <param name="Plan">The plan id.</param>
/// <param name="Version">The version.</param>
/// <param name="Unit">The unit the plan is for.</param>
/// <param name="State"><c>draft</c>, <c>submitted</c>, <c>returned</c>, <c>approved</c> or <c>published</c>.</param>
/// <param name="Hash">SHA-256 of its files, as the published version will have it.</param>
/// <param name="Files">The paths of its files: the plan's, then its roster and parents'.</param>
/// <param name="History">Every step with who and when, oldest first.</param>
/// <param name="Warnings">The plan's warnings when it was written (errors refuse it), at line:column.</param>
public sealed record PlanDraftView(string Plan, int Version, string Unit, string State, string Hash, IReadOnlyList<string> Files, IReadOnlyList<PlanStepView> History, IReadOnlyList<DiagnosticView> Warnings)
{
    /// <summary>The view of a draft.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="findings">Its findings from the step that wrote it, or none.</param>
    /// <param name="culture">The caller's language.</param>
    public static PlanDraftView Of(PlanDraft draft, IReadOnlyList<PlanDiagnostic> findings, CultureInfo culture) =>
        new(draft.PlanId, draft.Version, draft.Unit, PlanStepView.Name(draft.State), draft.Hash, draft.Files.Select(f => f.Path).ToArray(),
            draft.Steps.Select(PlanStepView.Of).ToArray(), findings.Select(f => DiagnosticView.Of(f, culture)).ToArray());
}
