using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// One mistake, one violation: an action held after its deadline (a mobilisation meeting due by 28 February, held on
/// 10 March) is reported once, by its deadline. What the plan orders after it and was held after that deadline but
/// before the late meeting followed the plan's timetable; its "out of order" is the late meeting's consequence, not a
/// mistake of its own, so it is not reported again (a corrected date re-judges both).
/// </summary>
internal static class LateRoot
{
    /// <summary>
    /// True when <paramref name="dependant"/>, held with no record of <paramref name="action"/> before it, is only the
    /// consequence of <paramref name="action"/> being late: the action has a deadline, its first record comes after it,
    /// and the dependant came after the deadline too.
    /// </summary>
    /// <param name="context">The plan.</param>
    /// <param name="action">The action ordered before the dependant (<c>after: [mobilization]</c>).</param>
    /// <param name="dependant">The dependant's first record.</param>
    /// <param name="records">The records the order is judged on.</param>
    public static bool Explains(JudgeContext context, string action, UnitRecord dependant, IReadOnlyCollection<UnitRecord> records)
    {
        if (DueBy(context, action) is not { } by || context.SubjectOf(action) is not { } subject || dependant.Day <= by)
        {
            return false;
        }

        return SubjectRecords.First(records, subject) is { } held && held > by;
    }

    /// <summary>The last day the plan gives <paramref name="action"/> (its <c>by:</c>), or null when it gives none.</summary>
    private static DateOnly? DueBy(JudgeContext context, string action) =>
        context.Plan.Actions.FirstOrDefault(a => a.Id == action)?.Requirements.OfType<Deadline>().Select(d => (DateOnly?)d.By).Min();
}
