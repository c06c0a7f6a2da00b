using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Resolution;

/// <summary>An action of a resolved plan, with the requirements it resolves to.</summary>
/// <param name="Id">The action id.</param>
/// <param name="Title">The title (the id when the plan gives none).</param>
/// <param name="PhaseId">Its phase, or null for a campaign-wide action.</param>
/// <param name="Window">When it applies.</param>
/// <param name="DefinedIn">The plan that wrote it (a parent plan's id when inherited and not tightened).</param>
/// <param name="Source">The ids of the sentences it encodes (the parent's, for a tightened action that names none).</param>
/// <param name="Requirements">What is checked.</param>
public sealed record ResolvedAction(
    string Id,
    string Title,
    string? PhaseId,
    DateWindow Window,
    string DefinedIn,
    IReadOnlyList<string> Source,
    IReadOnlyList<Requirement> Requirements);
