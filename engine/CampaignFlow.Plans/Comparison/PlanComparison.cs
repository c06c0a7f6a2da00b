using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Plans.Comparison;

/// <summary>
/// What changed between two resolved plans (two versions of one plan, or a plan and its draft), said the way a policy
/// author says it: a minimum raised (每周集中学习 半天 → 1天), an action added to a phase, a window moved, a person
/// added to the roster. Not a text diff: a re-ordered or re-formatted file that resolves the same has no changes.
/// </summary>
public static class PlanComparison
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, in plan order: campaign, phases, actions, requirements, roster.</summary>
    /// <param name="before">The plan as it was.</param>
    /// <param name="after">The plan as it is now.</param>
    public static IReadOnlyList<PlanChange> Compare(ResolvedPlan before, ResolvedPlan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<PlanChange>();
        if (before.Version != after.Version)
        {
            var (b, a) = (before.Version.ToString(CultureInfo.InvariantCulture), after.Version.ToString(CultureInfo.InvariantCulture));
            changes.Add(Make("changed", "version", after.Id, b, a, "diff-version", [b, a], [b, a]));
        }

        if (before.Window != after.Window)
        {
            changes.Add(Make("changed", "campaign", after.Id, DateWindowWords.Iso(before.Window), DateWindowWords.Iso(after.Window),
                "diff-campaign-window", [Words(before.Window, true), Words(after.Window, true)], [Words(before.Window, false), Words(after.Window, false)]));
        }

        if (before.TimeZone != after.TimeZone)
        {
            string[] zones = [before.TimeZone, after.TimeZone];
            changes.Add(Make("changed", "calendar", after.Id, before.TimeZone, after.TimeZone, "diff-time-zone", zones, zones));
        }

        if (before.WorkdayHours != after.WorkdayHours)
        {
            string[] hours = [before.WorkdayHours.ToString("0.##", CultureInfo.InvariantCulture), after.WorkdayHours.ToString("0.##", CultureInfo.InvariantCulture)];
            changes.Add(Make("changed", "calendar", after.Id, hours[0], hours[1], "diff-workday-hours", hours, hours));
        }

        // 半天 that only followed the working day was said with it; one the plan sets apart is a change of its own.
        var (was, now) = (before.WorkingHours, after.WorkingHours);
        if (was.HalfDay != now.HalfDay && (was.HalfDay != was.Day / 2 || now.HalfDay != now.Day / 2))
        {
            string[] hours = [Hours(was.HalfDay), Hours(now.HalfDay)];
            changes.Add(Make("changed", "calendar", after.Id, hours[0], hours[1], "diff-half-day-hours", hours, hours));
        }

        if (was.ClassHour != now.ClassHour)
        {
            string[] hours = [was.ClassHour is { } a ? Hours(a) : "-", now.ClassHour is { } b ? Hours(b) : "-"];
            var (change, code) = was.ClassHour is null ? ("added", "diff-class-hour-added") : now.ClassHour is null ? ("removed", "diff-class-hour-removed") : ("changed", "diff-class-hour");
            changes.Add(Make(change, "calendar", after.Id, was.ClassHour is null ? null : hours[0], now.ClassHour is null ? null : hours[1], code, hours, hours));
        }

        CompareHolidays(before, after, changes);
        if (before.Supervisor != after.Supervisor)
        {
            changes.Add(Make(before.Supervisor is null ? "added" : after.Supervisor is null ? "removed" : "changed", "supervisor", after.Id, before.Supervisor, after.Supervisor,
                "diff-supervisor", [before.Supervisor ?? "-", after.Supervisor ?? "-"], [before.Supervisor ?? "-", after.Supervisor ?? "-"]));
        }

        ComparePhases(before.AllPhases.ToList(), after.AllPhases.ToList(), changes);
        var reordered = CompareOrder(before, after, changes);
        CompareActions(before, after, reordered, changes);
        CompareRoster(before, after, changes);
        return changes;
    }

    // The holidays a plan's working days follow: the file it names, how a week nobody works in is judged, and each
    // holiday by year and name, so a changed 调休 day reads as that holiday changed and not as a new file.
    private static void CompareHolidays(ResolvedPlan before, ResolvedPlan after, List<PlanChange> changes)
    {
        var (was, now) = (before.WorkingCalendar, after.WorkingCalendar);
        if (was.File != now.File)
        {
            string[] files = [was.File ?? "-", now.File ?? "-"];
            changes.Add(Make(was.File is null ? "added" : now.File is null ? "removed" : "changed", "calendar", after.Id, was.File, now.File, "diff-holidays-file", files, files));
        }

        if (before.SkipsHolidayWeeks != after.SkipsHolidayWeeks)
        {
            changes.Add(Make("changed", "calendar", after.Id, Weeks(before.SkipsHolidayWeeks), Weeks(after.SkipsHolidayWeeks), "diff-holiday-weeks",
                [HolidayWords.Weeks(before.SkipsHolidayWeeks, Chinese), HolidayWords.Weeks(after.SkipsHolidayWeeks, Chinese)],
                [HolidayWords.Weeks(before.SkipsHolidayWeeks, English), HolidayWords.Weeks(after.SkipsHolidayWeeks, English)]));
        }

        var old = was.Holidays.ToDictionary(h => (h.Year, h.Name));
        foreach (var holiday in now.Holidays)
        {
            if (!old.Remove((holiday.Year, holiday.Name), out var earlier))
            {
                changes.Add(Make("added", "holiday", $"{holiday.Year}/{holiday.Name}", null, holiday.Off.ToString(), "diff-holiday-added",
                    [HolidayWords.Of(holiday, Chinese)], [HolidayWords.Of(holiday, English)]));
            }
            else if (!earlier.SameDays(holiday))
            {
                changes.Add(Make("changed", "holiday", $"{holiday.Year}/{holiday.Name}", earlier.Off.ToString(), holiday.Off.ToString(), "diff-holiday-changed",
                    [HolidayWords.Of(earlier, Chinese), HolidayWords.Of(holiday, Chinese)], [HolidayWords.Of(earlier, English), HolidayWords.Of(holiday, English)]));
            }
        }

        foreach (var gone in was.Holidays.Where(h => old.ContainsKey((h.Year, h.Name))))
        {
            changes.Add(Make("removed", "holiday", $"{gone.Year}/{gone.Name}", gone.Off.ToString(), null, "diff-holiday-removed",
                [HolidayWords.Of(gone, Chinese)], [HolidayWords.Of(gone, English)]));
        }
    }

    private static string Weeks(bool skipped) => skipped ? "skipped" : "counted";

    private static void ComparePhases(IReadOnlyList<ResolvedPhase> before, IReadOnlyList<ResolvedPhase> after, List<PlanChange> changes)
    {
        var old = before.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var phase in after)
        {
            if (!old.TryGetValue(phase.Id, out var was))
            {
                changes.Add(Make("added", "phase", phase.Id, null, DateWindowWords.Iso(phase.Window), "diff-phase-added",
                    [phase.Title, Words(phase.Window, true)], [phase.Title, Words(phase.Window, false)]));
            }
            else if (was.Window != phase.Window)
            {
                changes.Add(Make("changed", "phase", phase.Id, DateWindowWords.Iso(was.Window), DateWindowWords.Iso(phase.Window), "diff-phase-window",
                    [phase.Title, Words(was.Window, true), Words(phase.Window, true)], [phase.Title, Words(was.Window, false), Words(phase.Window, false)]));
            }
        }

        foreach (var phase in before.Where(p => after.All(a => a.Id != p.Id)))
        {
            changes.Add(Make("removed", "phase", phase.Id, DateWindowWords.Iso(phase.Window), null, "diff-phase-removed", [phase.Title], [phase.Title]));
        }
    }

    // A phase placed by order (after:, or its parent's inOrder:) is said once, as the phase's change; the phase-order
    // requirement of each of its actions changes with it and is not said again (the ids of the phases returned).
    private static HashSet<string> CompareOrder(ResolvedPlan before, ResolvedPlan after, List<PlanChange> changes)
    {
        var reordered = new HashSet<string>(StringComparer.Ordinal);
        var old = before.AllPhases.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var phase in after.AllPhases)
        {
            if (!old.TryGetValue(phase.Id, out var was))
            {
                continue;
            }

            if (!was.After.SequenceEqual(phase.After, StringComparer.Ordinal))
            {
                var (b, a) = (string.Join(", ", was.After), string.Join(", ", phase.After));
                var (code, zh, en) = (was.After.Count, phase.After.Count) switch
                {
                    (0, _) => ("diff-phase-after-added", new[] { phase.Title, Followed(after, phase.After) }, new[] { phase.Title, a }),
                    (_, 0) => ("diff-phase-after-removed", [phase.Title, Followed(before, was.After)], [phase.Title, b]),
                    _ => ("diff-phase-after", [phase.Title, Followed(before, was.After), Followed(after, phase.After)], [phase.Title, b, a]),
                };
                changes.Add(Make(was.After.Count == 0 ? "added" : phase.After.Count == 0 ? "removed" : "changed", "phase", phase.Id, b.Length == 0 ? null : b, a.Length == 0 ? null : a, code, zh, en));
                reordered.UnionWith(phase.WithLinks().Select(p => p.Id));
            }

            if (was.InOrder != phase.InOrder)
            {
                string[] arguments = [phase.Title];
                changes.Add(Make("changed", "phase", phase.Id, was.InOrder ? "inOrder" : null, phase.InOrder ? "inOrder" : null,
                    phase.InOrder ? "diff-phase-in-order" : "diff-phase-not-in-order", arguments, arguments));
                reordered.UnionWith(phase.WithLinks().Select(p => p.Id));
            }
        }

        return reordered;
    }

    // What a phase follows, by title: an action's or a phase's.
    private static string Followed(ResolvedPlan plan, IReadOnlyList<string> ids) =>
        string.Join("、", ids.Select(id => plan.Actions.FirstOrDefault(a => a.Id == id)?.Title ?? PhaseTitle(plan, id) ?? id));

    private static void CompareActions(ResolvedPlan before, ResolvedPlan after, HashSet<string> reordered, List<PlanChange> changes)
    {
        var old = before.Actions.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var action in after.Actions)
        {
            if (!old.TryGetValue(action.Id, out var was))
            {
                var phase = PhaseTitle(after, action.PhaseId);
                changes.Add(Make("added", "action", action.Id, null, action.PhaseId, phase is null ? "diff-action-added-campaign" : "diff-action-added",
                    [action.Title, phase ?? ""], [action.Title, phase ?? ""]));
                continue;
            }

            if (was.PhaseId != action.PhaseId)
            {
                string[] arguments = [action.Title, PhaseTitle(before, was.PhaseId) ?? "-", PhaseTitle(after, action.PhaseId) ?? "-"];
                changes.Add(Make("changed", "action", action.Id, was.PhaseId, action.PhaseId, "diff-action-moved", arguments, arguments));
            }

            CompareRequirements(before, was, after, action, reordered, changes);
        }

        foreach (var action in before.Actions.Where(a => !after.Actions.Any(n => n.Id == a.Id)))
        {
            changes.Add(Make("removed", "action", action.Id, action.PhaseId, null, "diff-action-removed", [action.Title], [action.Title]));
        }
    }

    private static void CompareRequirements(ResolvedPlan beforePlan, ResolvedAction before, ResolvedPlan afterPlan, ResolvedAction after, HashSet<string> reordered, List<PlanChange> changes)
    {
        var old = before.Requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
        bool SaidByPhase(Requirement r) => r is PhaseOrder order && reordered.Contains(order.Phase);
        foreach (var requirement in after.Requirements)
        {
            if (SaidByPhase(requirement) || (old.GetValueOrDefault(requirement.Id) is { } said && SaidByPhase(said)))
            {
                continue;
            }

            if (!old.TryGetValue(requirement.Id, out var was))
            {
                changes.Add(Make("added", "requirement", requirement.Id, null, Describe(requirement, afterPlan, English), "diff-requirement-added",
                    [after.Title, Describe(requirement, afterPlan, Chinese)], [after.Title, Describe(requirement, afterPlan, English)]));
                continue;
            }

            var (wasZh, nowZh) = (Describe(was, beforePlan, Chinese), Describe(requirement, afterPlan, Chinese));
            var (wasEn, nowEn) = (Describe(was, beforePlan, English), Describe(requirement, afterPlan, English));
            if (wasEn != nowEn || wasZh != nowZh)
            {
                changes.Add(Make("changed", "requirement", requirement.Id, wasEn, nowEn, "diff-requirement-changed", [after.Title, wasZh, nowZh], [after.Title, wasEn, nowEn]));
            }

            // A requirement that runs over its phase moves with it: the phase's own change says so once.
            if (was.Window != requirement.Window && !(was.Window == PhaseWindow(beforePlan, before.PhaseId) && requirement.Window == PhaseWindow(afterPlan, after.PhaseId)))
            {
                changes.Add(Make("changed", "requirement", requirement.Id, DateWindowWords.Iso(was.Window), DateWindowWords.Iso(requirement.Window), "diff-requirement-window",
                    [after.Title, Words(was.Window, true), Words(requirement.Window, true)], [after.Title, Words(was.Window, false), Words(requirement.Window, false)]));
            }

            // What a requirement counts (its where) and for whom (its targets) may change while its words stay.
            var (whereBefore, whereAfter) = (Where(was), Where(requirement));
            if (whereBefore != whereAfter)
            {
                string[] arguments = [after.Title, whereBefore.Length == 0 ? "-" : whereBefore, whereAfter.Length == 0 ? "-" : whereAfter];
                changes.Add(Make("changed", "requirement", requirement.Id, whereBefore, whereAfter, "diff-requirement-where", arguments, arguments));
            }

            // Said once per action: its requirements share their targets (each leader's material, and its approval).
            var (gained, lost) = (requirement.Targets.Except(was.Targets).ToArray(), was.Targets.Except(requirement.Targets).ToArray());
            if ((gained.Length > 0 || lost.Length > 0) && !changes.Any(c => c.Subject == "requirement" && c.Id.StartsWith(after.Id + ":", StringComparison.Ordinal) && c.Before == string.Join(", ", was.Targets) && c.After == string.Join(", ", requirement.Targets)))
            {
                // Only the side that changed is said: no "no longer for -".
                var code = (gained.Length, lost.Length) switch { ( > 0, > 0) => "diff-requirement-targets", ( > 0, _) => "diff-requirement-targets-gained", _ => "diff-requirement-targets-lost" };
                changes.Add(Make("changed", "requirement", requirement.Id, string.Join(", ", was.Targets), string.Join(", ", requirement.Targets), code,
                    [after.Title, Names(afterPlan, gained), Names(beforePlan, lost)], [after.Title, gained.Length == 0 ? "-" : string.Join(", ", gained), lost.Length == 0 ? "-" : string.Join(", ", lost)]));
            }

            if (was.Severity != requirement.Severity)
            {
                var (b, a) = (Severity(was.Severity), Severity(requirement.Severity));
                changes.Add(Make("changed", "requirement", requirement.Id, b, a, "diff-requirement-severity",
                    [after.Title, MessageCatalog.Format("diff-severity-" + b, [], Chinese), MessageCatalog.Format("diff-severity-" + a, [], Chinese)],
                    [after.Title, MessageCatalog.Format("diff-severity-" + b, [], English), MessageCatalog.Format("diff-severity-" + a, [], English)]));
            }
        }

        foreach (var requirement in before.Requirements.Where(r => !after.Requirements.Any(n => n.Id == r.Id) && !SaidByPhase(r)))
        {
            changes.Add(Make("removed", "requirement", requirement.Id, Describe(requirement, beforePlan, English), null, "diff-requirement-removed",
                [after.Title, Describe(requirement, beforePlan, Chinese)], [after.Title, Describe(requirement, beforePlan, English)]));
        }
    }

    private static void CompareRoster(ResolvedPlan before, ResolvedPlan after, List<PlanChange> changes)
    {
        var old = before.Roster.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var person in after.Roster.People.Where(p => !old.ContainsKey(p.Id)))
        {
            changes.Add(Make("added", "person", person.Id, null, person.Id, "diff-person-added", [person.Name], [person.Name]));
        }

        foreach (var person in after.Roster.People.Where(p => old.ContainsKey(p.Id)))
        {
            var was = old[person.Id];
            var (b, a) = (Standing(was), Standing(person));
            if (b != a)
            {
                changes.Add(Make("changed", "person", person.Id, b, a, "diff-person-changed", [person.Name, b, a], [person.Name, b, a]));
            }
        }

        foreach (var person in before.Roster.People.Where(p => after.Roster.People.All(n => n.Id != p.Id)))
        {
            changes.Add(Make("removed", "person", person.Id, person.Id, null, "diff-person-removed", [person.Name], [person.Name]));
        }
    }

    // Roles, branch, department and rank decide which requirements bind a person.
    private static string Standing(Person person) =>
        $"[{string.Join(", ", person.Roles)}] {person.Branch ?? "-"} / {person.Department ?? "-"} / {person.Rank ?? "-"}";

    private static string Where(Requirement requirement) => requirement.Matching.Text;

    private static string Names(ResolvedPlan plan, IReadOnlyList<string> ids) =>
        ids.Count == 0 ? "-" : string.Join("、", ids.Select(id => plan.Roster.Find(id)?.Name ?? plan.Roster.Branches.GetValueOrDefault(id) ?? plan.Roster.Departments.GetValueOrDefault(id) ?? id));

    private static PlanChange Make(string change, string subject, string id, string? before, string? after, string code, string[] chinese, string[] english) =>
        new(change, subject, id, before, after, MessageCatalog.Format(code, chinese, Chinese), MessageCatalog.Format(code, english, English));

    private static string Describe(Requirement requirement, ResolvedPlan plan, CultureInfo culture) => PlanResolver.Describe(requirement, plan, culture);

    private static string Words(Text.DateWindow window, bool chinese) => DateWindowWords.Of(window, chinese);

    private static string Severity(Severity severity) => severity == Requirements.Severity.Soft ? "soft" : "required";

    private static string? PhaseTitle(ResolvedPlan plan, string? phaseId) =>
        phaseId is null ? null : plan.AllPhases.FirstOrDefault(p => p.Id == phaseId)?.Title ?? phaseId;

    private static Text.DateWindow? PhaseWindow(ResolvedPlan plan, string? phaseId) =>
        phaseId is null ? plan.Window : plan.AllPhases.FirstOrDefault(p => p.Id == phaseId)?.Window;

    private static string Hours(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
