using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Requirements.Conditions;

namespace CampaignFlow.Compliance.Judges;

/// <summary>四次集中专题学习; 召开一次民主生活会: the number of occurrences in the window (re-held ones not counted twice).</summary>
internal sealed class CountInWindowJudge(CountInWindow requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    // Enough of the activities that missed the plan's `where` to show what was recorded instead; the count says the rest.
    private const int MissedShown = 10;

    // Activities held outside the window are read too, so that a shortfall says when they were held instead; the
    // requirement has one period (per target), so a record outside it re-judges only that one.
    public override bool ReadsOnlyItsPeriod => Requirement.Subject.Kind != SubjectKind.Activity;

    public override bool IsRelevant(UnitRecord record) => Requirement.Subject.Kind switch
    {
        SubjectKind.Document => record is DocumentRecord d && d.Kind == Requirement.Subject.Id,
        SubjectKind.Ledger => record is LedgerItemRecord l && l.Ledger == Requirement.Subject.Id,
        // Activities of the kind that miss the plan's `where` are read too: a shortfall then says what was held instead.
        _ => record is ActivityRecord a && a.Kind == Requirement.Subject.Id,
    };

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var counted = Counted(due, records);
        var tooFew = counted.Length < requirement.AtLeast;
        var tooMany = requirement.AtMost is { } most && counted.Length > most;
        if (!tooFew && !tooMany)
        {
            return null;
        }

        var required = Required;
        var missed = tooFew ? MissedWhere(due, records) : [];
        if (missed.Length > 0)
        {
            // Held, but not as the plan asks: the violation names the condition and what each record has instead.
            string[] shown = missed.Length > MissedShown ? [.. missed.Take(MissedShown), "…"] : missed;
            return Violate(due, counted.Length == 0 ? "count-none-where" : "count-too-few-where",
                new Evidence(counted, missed, $"{counted.Length}", required),
                Title, $"{counted.Length}", required, JudgeContext.Day(due.Start), JudgeContext.Day(due.End),
                Condition(), string.Join("、", shown), $"{missed.Length}");
        }

        var outside = tooFew ? HeldOutside(due, records) : [];
        if (outside.Length > 0)
        {
            // Held, but not in the window: the violation names each such occurrence and how far outside it fell.
            string[] shown = outside.Length > MissedShown ? [.. outside.Take(MissedShown), "…"] : outside;
            return Violate(due, counted.Length == 0 ? "count-none-outside" : "count-too-few-outside",
                new Evidence(counted, outside, $"{counted.Length}", required),
                Title, $"{counted.Length}", required, JudgeContext.Day(due.Start), JudgeContext.Day(due.End), string.Join("、", shown), $"{outside.Length}");
        }

        return Violate(due, tooFew ? (counted.Length == 0 ? "count-none" : "count-too-few") : "count-too-many",
            new Evidence(counted, [], $"{counted.Length}", required),
            Title, $"{counted.Length}", required, JudgeContext.Day(due.Start), JudgeContext.Day(due.End));
    }

    public override Evidence? Standing(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var counted = Counted(due, records);
        return new Evidence(counted, [], $"{counted.Length}", Required);
    }

    private string Required => requirement.AtMost == requirement.AtLeast ? $"{requirement.AtLeast}" : $"≥ {requirement.AtLeast}";

    private string[] Counted(Due due, IReadOnlyCollection<UnitRecord> records) => Requirement.Subject.Kind switch
    {
        SubjectKind.Document => records.OfType<DocumentRecord>()
            .Where(d => d.Within(due.Start, due.End) && d.Replaces is null && (due.Target is null || d.Author == due.Target || Requirement.Scope != Scope.Person))
            .Select(d => d.Key).ToArray(),
        SubjectKind.Ledger => records.OfType<LedgerItemRecord>()
            .Where(l => l.Within(due.Start, due.End) && (due.Target is null || Requirement.Scope != Scope.Person || l.Fields.GetValueOrDefault("owner") == due.Target))
            .Select(l => l.Key).ToArray(),
        _ => SubjectActivities(due, records).Where(a => a.Replaces is null).Select(a => a.Key).ToArray(),
    };

    /// <summary>
    /// The activities of the kind in the period (for the target) that miss the plan's <c>where</c>, each with the values
    /// it has of the attributes asked for: <c>lecture-2（2014-05-08）byExpert: false</c>; ∅ for a value not recorded.
    /// </summary>
    /// With <c>all</c>, <c>any</c>, <c>not</c> or a reference, each names the part that failed and what it had instead
    /// (<c>visit-3（2014-05-08）place: wuzhou-machinery → kind: township ≠ enterprise</c>).
    private string[] MissedWhere(Due due, IReadOnlyCollection<UnitRecord> records) => Requirement.Subject.Kind != SubjectKind.Activity || Requirement.Matching is AllOf { Items.Count: 0 }
        ? []
        : records.OfType<ActivityRecord>()
            .Where(a => a.Kind == Requirement.Subject.Id && a.Replaces is null && a.Within(due.Start, due.End) && !a.Matches(Requirement.Matching))
            .Where(a => due.Target is null || BelongsTo(a, due.Target))
            .OrderBy(a => a.Day).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => $"{a.Key}（{JudgeContext.Day(a.Day)}）{Recorded(a)}")
            .ToArray();

    private string Recorded(ActivityRecord activity) => Requirement.Matching is AllOf { IsPlain: true }
        ? string.Join(", ", Requirement.Where.Keys.Order(StringComparer.Ordinal).Select(k => $"{k}: {activity.Attributes.GetValueOrDefault(k) ?? "∅"}"))
        : Requirement.Matching.Failing(activity.Attributes) ?? "";

    /// <summary>
    /// The activities of the subject (with its <c>where</c>, for the target) held before or after the period, nearest
    /// first, each with how far outside: <c>mobilization（2014-05-05, 5 d late）</c>, <c>study-1（2014-02-07, 4 d early）</c>.
    /// </summary>
    private string[] HeldOutside(Due due, IReadOnlyCollection<UnitRecord> records) => Requirement.Subject.Kind != SubjectKind.Activity
        ? []
        : records.OfType<ActivityRecord>()
            .Where(a => a.Kind == Requirement.Subject.Id && a.Replaces is null && !a.Within(due.Start, due.End) && a.Matches(Requirement.Where))
            .Where(a => due.Target is null || BelongsTo(a, due.Target))
            .Select(a => (Activity: a, Late: a.Day > due.End, Days: a.Day > due.End ? a.Day.DayNumber - due.End.DayNumber : due.Start.DayNumber - a.Day.DayNumber))
            .OrderBy(a => a.Days).ThenBy(a => a.Activity.Key, StringComparer.Ordinal)
            .Select(a => $"{a.Activity.Key}（{JudgeContext.Day(a.Activity.Day)}, {a.Days} d {(a.Late ? "late" : "early")}）")
            .ToArray();

    private string Condition() => Requirement.Matching is AllOf { IsPlain: true }
        ? string.Join(", ", Requirement.Where.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}: {w.Value}"))
        : Requirement.Matching.Text;
}
