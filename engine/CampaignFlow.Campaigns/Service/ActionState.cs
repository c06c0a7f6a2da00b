namespace CampaignFlow.Campaigns.Service;

/// <summary>An action of an open phase that the unit still has to do.</summary>
/// <param name="Id">The action id.</param>
/// <param name="Title">Its title.</param>
/// <param name="PhaseId">Its phase, or null for a campaign-wide action.</param>
/// <param name="Status">
/// <c>open</c> (nothing recorded yet), <c>awaiting-approval</c> (behind a gate), <c>awaiting-evaluation</c> (held, its
/// re-work verdict not known yet) or <c>rework</c> (must be held again).
/// </param>
public sealed record ActionState(string Id, string Title, string? PhaseId, string Status)
{
    /// <summary>
    /// For <c>rework</c>: the key of the occurrence found failed, which the one held again replaces. Supervisors see a
    /// unit that must hold a meeting again from the verdict on, not only once its deadline has passed and the
    /// violation opens.
    /// </summary>
    public string? Failed { get; init; }

    /// <summary>
    /// For <c>rework</c>: the last day to do it again — the day the reviewer or examiner set, when that comes before
    /// the requirement's window ends, else the window's end; the violation opens the day after.
    /// </summary>
    public DateOnly? Due { get; init; }
}
