namespace CampaignFlow.Compliance.Timing;

/// <summary>
/// One closing of a plan's requirement, for whichever unit runs the plan: computed once per plan version, and turned
/// into a unit's <see cref="Due"/> only when the period closes for that unit.
/// </summary>
/// <param name="RequirementId">The requirement.</param>
/// <param name="Period">The period's label (see <see cref="Due.Period"/>).</param>
/// <param name="Target">The person, branch or department it is counted for, or null for the unit.</param>
/// <param name="Start">The period's first day.</param>
/// <param name="End">The period's last day; it is judged from the day after.</param>
public sealed record DuePeriod(string RequirementId, string Period, string? Target, DateOnly Start, DateOnly End)
{
    /// <summary>The period closing for <paramref name="unit"/>.</summary>
    /// <param name="unit">The unit's id.</param>
    /// <param name="judge">The unit's judge of the requirement, through which the rules reach their verdict.</param>
    public Due For(string unit, Judges.RequirementJudge? judge = null) => new(unit, RequirementId, Period, Target, Start, End) { Judge = judge };
}
