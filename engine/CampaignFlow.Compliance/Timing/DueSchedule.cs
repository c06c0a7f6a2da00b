using System.Globalization;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Timing;

/// <summary>
/// Every closing of a plan's requirements (a <see cref="DuePeriod"/>; a <see cref="Due"/> once a unit's clock passes
/// it), in the order their periods close: recurring requirements once per week, month, quarter or year that overlaps
/// their window (clipped to it); deadlines at their day; everything else at the end of its window; each once per
/// target when counted per person, branch or department.
/// </summary>
public static class DueSchedule
{
    /// <summary>The closings of <paramref name="plan"/>'s requirements, by closing day, for any unit that runs it.</summary>
    /// <param name="plan">The resolved plan.</param>
    public static IReadOnlyList<DuePeriod> For(ResolvedPlan plan) =>
        plan.Requirements.SelectMany(r => For(r, plan)).OrderBy(d => d.End).ThenBy(d => d.RequirementId, StringComparer.Ordinal).ToArray();

    /// <summary>The dues of <paramref name="plan"/> for <paramref name="unit"/>, by closing day.</summary>
    /// <param name="plan">The resolved plan.</param>
    /// <param name="unit">The unit's id.</param>
    public static IReadOnlyList<Due> For(ResolvedPlan plan, string unit) => For(plan).Select(d => d.For(unit)).ToArray();

    /// <summary>The closings of one requirement of <paramref name="plan"/>.</summary>
    /// <param name="requirement">The requirement.</param>
    /// <param name="plan">
    /// Its plan: ledgers are kept, and judged, to the end of its campaign; working days follow its calendar; a weekly
    /// minimum leaves out the weeks nobody works in when it says so (<c>calendar.holidayWeeks: skipped</c>).
    /// </param>
    public static IEnumerable<DuePeriod> For(Requirement requirement, ResolvedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(plan);
        var campaignEnd = plan.Window.End;
        var calendar = plan.WorkingCalendar;
        // A requirement over the units below judged per supervision group has the groups as its targets.
        var targets = (requirement.Scope == Scope.Unit && requirement.Across is not { PerGroup: true }) || requirement.Targets.Count == 0
            ? new string?[] { null }
            : requirement.Targets.Select(t => (string?)t).ToArray();
        var periods = requirement switch
        {
            PeriodMinimum { Every: Recurrence.Week } m when plan.SkipsHolidayWeeks =>
                Periods(m.Every, requirement.Window.Start, requirement.Window.End).Where(p => calendar.WorkingDaysBetween(p.Start, p.End) > 0).ToArray(),
            PeriodMinimum m => Periods(m.Every, requirement.Window.Start, requirement.Window.End),
            Cap { Every: { } every } => Periods(every, requirement.Window.Start, requirement.Window.End),
            Deadline d => [("by " + d.By.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), requirement.Window.Start, d.By)],
            // An occurrence on the window's last day may still be answered for as long as the plan gives.
            OccurrenceObligation { Within: { } within } => [("window", requirement.Window.Start, within.LastDayAfter(requirement.Window.End, calendar))],
            Ledger or LedgerTally => [("campaign", requirement.Window.Start, campaignEnd > requirement.Window.End ? campaignEnd : requirement.Window.End)],
            _ => [("window", requirement.Window.Start, requirement.Window.End)],
        };
        foreach (var (label, start, end) in periods)
        {
            foreach (var target in targets)
            {
                yield return new DuePeriod(requirement.Id, label, target, start, end);
            }
        }
    }

    /// <summary>The calendar periods of <paramref name="every"/> overlapping a window, clipped to it, with their labels.</summary>
    /// <param name="every">Week (ISO, Monday to Sunday), month, quarter or year.</param>
    /// <param name="from">The window's first day.</param>
    /// <param name="to">The window's last day.</param>
    public static IReadOnlyList<(string Label, DateOnly Start, DateOnly End)> Periods(Recurrence every, DateOnly from, DateOnly to)
    {
        var periods = new List<(string, DateOnly, DateOnly)>();
        var start = PeriodStart(every, from);
        while (start <= to)
        {
            var next = every switch
            {
                Recurrence.Week => start.AddDays(7),
                Recurrence.Month => start.AddMonths(1),
                Recurrence.Quarter => start.AddMonths(3),
                _ => start.AddYears(1),
            };
            var end = next.AddDays(-1);
            periods.Add((Label(every, start), start < from ? from : start, end > to ? to : end));
            start = next;
        }

        return periods;
    }

    private static DateOnly PeriodStart(Recurrence every, DateOnly day) => every switch
    {
        Recurrence.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        Recurrence.Month => new DateOnly(day.Year, day.Month, 1),
        Recurrence.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    private static string Label(Recurrence every, DateOnly start) => every switch
    {
        Recurrence.Week => $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}",
        Recurrence.Month => $"{start.Year}-{start.Month:00}",
        Recurrence.Quarter => $"{start.Year}-Q{((start.Month - 1) / 3) + 1}",
        _ => $"{start.Year}",
    };
}
