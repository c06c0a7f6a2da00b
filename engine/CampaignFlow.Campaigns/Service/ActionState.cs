namespace CampaignFlow.Campaigns.Service;

/// <summary>An action of an open phase that the unit still has to do.</summary>
/// <param name="Id">The action id.</param>
/// <param name="Title">Its title.</param>
/// <param name="PhaseId">Its phase, or null for a campaign-wide action.</param>
/// <param name="Status">
/// <c>open</c> (nothing recorded yet), <c>awaiting-approval</c> (behind a gate), <c>awaiting-evaluation</c> (held, its
/// re-work verdict not known yet) or <c>rework</c> (must be held again).
/// </param>
public sealed record ActionState(string Id, string Title, string? PhaseId, string Status);
