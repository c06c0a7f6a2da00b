namespace CampaignFlow.Compliance.Timing;

/// <summary>
/// A time fact: one requirement's period (a week, a month, its whole window, the days up to a deadline) for one
/// target has closed, so the requirement can now be judged there. Before it is inserted the requirement is
/// pending, never violated.
/// </summary>
/// <param name="Unit">The unit.</param>
/// <param name="RequirementId">The requirement.</param>
/// <param name="Period">The period's label: <c>2014-W10</c>, <c>2014-05</c>, <c>2014-Q2</c>, <c>2014</c>, or <c>window</c>.</param>
/// <param name="Target">The person, branch or department it is counted for, or null for the unit.</param>
/// <param name="Start">The period's first day.</param>
/// <param name="End">The period's last day; it is judged from the day after.</param>
public sealed record Due(string Unit, string RequirementId, string Period, string? Target, DateOnly Start, DateOnly End)
{
    /// <summary>
    /// The unit's judge of the requirement. The rule network is shared by every unit of a plan and every plan of the
    /// same shape (<see cref="Rules.ComplianceCompiler"/>), so the verdict is reached through the due rather than
    /// through a judge held in the network: what differs per unit arrives with the unit's facts.
    /// </summary>
    public Judges.RequirementJudge? Judge { get; init; }
}
