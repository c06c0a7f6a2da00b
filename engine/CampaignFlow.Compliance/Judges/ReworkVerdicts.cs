using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// The rules' re-work verdict on one occurrence of an action, asked of the requirement's own judge before its window
/// closes: the judge sees that occurrence (and what bears on it, such as its evaluation) without the others, so it
/// says whether this one failed.
/// </summary>
public static class ReworkVerdicts
{
    /// <summary>The occurrences of the re-work's subject in its window that no later record replaces, earliest first.</summary>
    /// <param name="rework">The re-work requirement.</param>
    /// <param name="records">The unit's records.</param>
    public static IReadOnlyList<UnitRecord> Current(Rework rework, IEnumerable<UnitRecord> records)
    {
        var all = records.ToArray();
        var replaced = all.Select(r => r switch { ActivityRecord a => a.Replaces, DocumentRecord d => d.Replaces, _ => null }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return all.Where(r => IsOccurrence(rework, r) && !replaced.Contains(r.Key))
            .OrderBy(r => r.Day).ThenBy(r => r.Key, StringComparer.Ordinal).ToArray();
    }

    /// <summary>True when <paramref name="record"/> is an occurrence of the action the re-work concerns, inside its window.</summary>
    /// <param name="rework">The re-work requirement.</param>
    /// <param name="record">A record of the unit.</param>
    public static bool IsOccurrence(Rework rework, UnitRecord record) =>
        record.Within(rework.Window.Start, rework.Window.End)
        && rework.Subject.Kind is SubjectKind.Activity or SubjectKind.Document
        && SubjectRecords.Counts(rework, record);

    /// <summary>True when the judge finds <paramref name="occurrence"/> failed.</summary>
    /// <param name="rework">The re-work requirement.</param>
    /// <param name="rules">The unit's plan, compiled: its judge of <paramref name="rework"/> decides.</param>
    /// <param name="occurrence">One occurrence.</param>
    /// <param name="records">The unit's records.</param>
    public static bool Failed(Rework rework, ComplianceRules rules, UnitRecord occurrence, IEnumerable<UnitRecord> records)
    {
        var judge = rules.Judges[rework.Id];
        var seen = records.Where(r => judge.IsRelevant(r) && (!IsOccurrence(rework, r) || r.Key == occurrence.Key)).ToArray();
        var due = new Due(occurrence.Unit, rework.Id, "window", null, rework.Window.Start, rework.Window.End);
        return judge.Judge(due, seen) is not null;
    }

    /// <summary>
    /// The verdict on <paramref name="occurrence"/> once it is known — <c>true</c>: it must be done again, <c>false</c>:
    /// it passed — or null while it is not (its evaluation not recorded yet).
    /// </summary>
    /// <param name="rework">The re-work requirement.</param>
    /// <param name="rules">The unit's plan, compiled.</param>
    /// <param name="occurrence">The latest occurrence.</param>
    /// <param name="records">The unit's records.</param>
    public static bool? Verdict(Rework rework, ComplianceRules rules, UnitRecord occurrence, IReadOnlyCollection<UnitRecord> records)
    {
        var failed = Failed(rework, rules, occurrence, records);
        var condition = rework.Condition;
        if (condition is { Threshold: not null, Attribute: { } attribute })
        {
            var evaluated = records.OfType<ActivityRecord>().Any(e => e.Concerns == occurrence.Key && e.Attributes.ContainsKey(attribute));
            return evaluated ? failed : null;
        }

        if (condition.Outcome == "failed")
        {
            return TestOutcome.IsRecorded(occurrence) ? failed : null;
        }

        // A return can come at any time; only a failure is a verdict before the window closes.
        return failed ? true : null;
    }

    /// <summary>
    /// The last day to do <paramref name="failed"/> again: the day its reviewer or examiner set, when that comes before
    /// the window ends (the judge then opens the violation the day after it), else the window's end.
    /// </summary>
    /// <param name="rework">The re-work requirement.</param>
    /// <param name="failed">The occurrence found failed.</param>
    /// <param name="records">The unit's records, to find the return that set a day.</param>
    public static DateOnly DueBy(Rework rework, UnitRecord failed, IReadOnlyCollection<UnitRecord> records)
    {
        ArgumentNullException.ThrowIfNull(rework);
        return ReworkDeadline.Of(failed, records) is { } day && day < rework.Window.End ? day : rework.Window.End;
    }
}
