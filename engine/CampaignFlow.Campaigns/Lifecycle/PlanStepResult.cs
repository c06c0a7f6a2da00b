using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Campaigns.Lifecycle;

/// <summary>What a step of a plan version's life did: the draft as it stands now, or why nothing changed.</summary>
/// <param name="Draft">The draft after the step, or null when refused.</param>
/// <param name="Refusal">Why it was refused, or null.</param>
/// <param name="Findings">The plan's findings at line:column (errors refuse a draft; warnings are kept with it).</param>
public sealed record PlanStepResult(PlanDraft? Draft, PlanRefusal? Refusal, IReadOnlyList<PlanDiagnostic> Findings)
{
    internal static PlanStepResult Refused(PlanRefusalKind kind, string code, params string[] arguments) => new(null, new PlanRefusal(kind, code, arguments), []);
}
