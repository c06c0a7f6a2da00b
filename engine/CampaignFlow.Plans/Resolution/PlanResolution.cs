using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// What resolving one plan yields: the plan as the engine checks it, and the plan as written with its parent's
/// phases and actions merged in, which a child plan builds on. The second stays beside the resolved plan rather
/// than in it, so the resolved model does not depend on the as-written layer.
/// </summary>
/// <param name="Plan">The resolved plan.</param>
/// <param name="Merged">The plan as written, inherited phases, actions and focus problems merged in.</param>
/// <param name="PhasesWrittenBy">
/// Which plan last wrote each phase and link of <paramref name="Merged"/>, by id: the one a child is sent to when it
/// writes an inherited link at the wrong level. A phase missing from it is the plan's own.
/// </param>
internal sealed record PlanResolution(ResolvedPlan Plan, PlanDocument Merged, IReadOnlyDictionary<string, string>? PhasesWrittenBy = null);
