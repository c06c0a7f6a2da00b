using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// 评议结果"不满意"的比率达到三分之一以上的要重开; 不符合要求的要重新进行调研: the latest occurrence (one that no later
/// record replaces) must not have failed — its evaluation below the threshold, no reviewer returning it, no failed
/// test. A failed one stays a violation ("must be held again") until a record <c>replaces</c> it and passes.
/// </summary>
internal sealed class ReworkJudge(Rework requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool IsRelevant(UnitRecord record) =>
        IsSubjectActivity(record) || SubjectRecords.Is(record, Requirement.Subject)
        || (record is ActivityRecord { Concerns: not null })
        || (record is ReviewRecord r && r.Decision == ReviewDecision.Returned);

    public override bool SetsDeadlines => true;

    public override DateOnly? DeadlineSetBy(UnitRecord record, Func<string, UnitRecord?> find)
    {
        ArgumentNullException.ThrowIfNull(find);
        var day = record switch
        {
            ActivityRecord { Due: { } due } a when SubjectRecords.Is(a, Requirement.Subject) => due,
            ReviewRecord { Decision: ReviewDecision.Returned, Due: { } due } r when find(r.DocumentKey) is { } document && SubjectRecords.Is(document, Requirement.Subject) => due,
            _ => (DateOnly?)null,
        };
        return day < Requirement.Window.End ? day : null;
    }

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        // A re-work due before the window ends is judged from the day after its deadline, in a period of its own; the
        // window judges the rest (no day set, or one the window's end reaches first), so each is reported once.
        var deadline = RunTimeDeadline.Of(due);
        bool Mine(DateOnly? dueBy) => deadline is { } day ? dueBy == day : dueBy is null || dueBy >= Requirement.Window.End;
        var (start, end) = deadline is null ? (due.Start, due.End) : (Requirement.Window.Start, Requirement.Window.End);
        var occurrences = records.Where(r => SubjectRecords.Is(r, Requirement.Subject) && r.Within(start, end))
            .Where(r => due.Target is null || r switch
            {
                ActivityRecord a => BelongsTo(a, due.Target),
                DocumentRecord d => d.Author == due.Target,
                _ => true,
            })
            .ToArray();
        if (requirement.Condition.Outcome == "failed" && MemberRetakes.PerMember(occurrences))
        {
            return Retakes(due, occurrences, Mine);
        }

        var replaced = records.Select(r => r switch { ActivityRecord a => a.Replaces, DocumentRecord d => d.Replaces, _ => null })
            .OfType<string>().ToHashSet();

        // A document resubmitted by the same author supersedes the earlier one, whether or not it says 'replaces'.
        foreach (var earlier in occurrences.OfType<DocumentRecord>().GroupBy(d => d.Author).SelectMany(g => g.OrderBy(d => d.Day).SkipLast(1)))
        {
            replaced.Add(earlier.Key);
        }
        foreach (var latest in occurrences.Where(o => !replaced.Contains(o.Key)).OrderBy(o => o.Day))
        {
            // A re-held meeting not yet evaluated has not shown that it passes: the failure of the one it replaces stands.
            var failed = latest;
            var why = Failure(failed, records);
            while (why is null && Unevaluated(failed, records) && failed is ActivityRecord { Replaces: { } previous }
                   && records.FirstOrDefault(r => r.Key == previous) is { } earlier)
            {
                failed = earlier;
                why = Failure(failed, records);
            }

            var setBy = ReworkDeadline.Of(failed, records);
            if (!Mine(setBy))
            {
                continue;
            }

            if (why is not null && setBy is { } dueBy)
            {
                return Violate(due, "rework-required-by",
                    new Evidence([failed.Key], [why], why, requirement.Condition.Text),
                    Title, failed.Key, JudgeContext.Day(failed.Day), Said(why), Context.Name(due.Target), JudgeContext.Day(dueBy));
            }

            if (why is not null)
            {
                return Violate(due, "rework-required",
                    new Evidence([failed.Key], [why], why, requirement.Condition.Text),
                    Title, failed.Key, JudgeContext.Day(failed.Day), Said(why), Context.Name(due.Target));
            }
        }

        return Late(due, occurrences, records, Mine);
    }

    // Done again, but after the day the reviewer (or examiner) set for it.
    private Violation? Late(Due due, UnitRecord[] occurrences, IReadOnlyCollection<UnitRecord> records, Func<DateOnly?, bool> mine)
    {
        foreach (var failed in occurrences.OrderBy(o => o.Day).ThenBy(o => o.Key, StringComparer.Ordinal))
        {
            if (ReworkDeadline.Of(failed, records) is { } dueBy && mine(dueBy) && ReworkDeadline.Replacement(failed, records) is { } again
                && again.Day > dueBy && Failure(failed, records) is not null)
            {
                // In a period of its own the violation opened the day after the deadline, before the re-work came: it
                // stays that one violation, now late, rather than becoming another about the late record.
                return Violate(due, RunTimeDeadline.Of(due) is null ? again.Key : null, "rework-late",
                    new Evidence([failed.Key, again.Key], [$"{again.Key} {JudgeContext.Day(again.Day)} > {JudgeContext.Day(dueBy)}"], JudgeContext.Day(again.Day), JudgeContext.Day(dueBy)),
                    Title, failed.Key, JudgeContext.Day(dueBy), again.Key, JudgeContext.Day(again.Day), Context.Name(due.Target));
            }
        }

        return null;
    }

    // 不达标者补课, per member: one violation for the test, naming each member who still owes a passed re-take and
    // each who passed it after the examiner's day.
    private Violation? Retakes(Due due, UnitRecord[] tests, Func<DateOnly?, bool> mine)
    {
        var (allOwed, allLate) = MemberRetakes.Judge(tests);
        var (owed, late) = (allOwed.Where(o => mine(o.Failed.Due)).ToArray(), allLate.Where(l => mine(l.Failed.Due)).ToArray());
        if (owed.Length == 0 && late.Length == 0)
        {
            return null;
        }

        var owing = owed.Select(o => $"{Context.Name(o.Member)}（{JudgeContext.Day(o.Failed.Day)}{(o.Failed.Due is { } d ? " → " + JudgeContext.Day(d) : "")}）").ToArray();
        var behind = late.Select(l => $"{Context.Name(l.Member)}（{JudgeContext.Day(l.Passed.Day)} > {JudgeContext.Day(l.Failed.Due!.Value)}）").ToArray();
        var code = (owing.Length, behind.Length) switch { ( > 0, > 0) => "retake-owed-and-late", ( > 0, _) => "retake-owed", _ => "retake-late" };
        return Violate(due, code, new Evidence(tests.Select(t => t.Key).ToArray(), [.. owing, .. behind], null, requirement.Condition.Text),
            Title, string.Join("、", owing), string.Join("、", behind));
    }

    private bool Unevaluated(UnitRecord occurrence, IReadOnlyCollection<UnitRecord> records) =>
        requirement.Condition is { Threshold: not null, Attribute: { } attribute }
        && !records.OfType<ActivityRecord>().Any(e => e.Concerns == occurrence.Key && e.Attributes.ContainsKey(attribute));

    // The reason as the message names it: the evidence keeps the reviewer's role id for tools, the sentence its title
    // (ChineseArguments says the whole reason in Chinese).
    private string Said(string why) =>
        why.StartsWith(ReturnedBy, StringComparison.Ordinal) && why[ReturnedBy.Length..].Split(' ') is [var role, var day]
            ? $"{ReturnedBy}{Context.RoleTitle(role)} {day}"
            : why;

    private const string ReturnedBy = "returned by ";

    private string? Failure(UnitRecord occurrence, IReadOnlyCollection<UnitRecord> records)
    {
        var condition = requirement.Condition;
        if (condition.Threshold is { } threshold && condition.Attribute is { } attribute)
        {
            var evaluation = records.OfType<ActivityRecord>().Where(e => e.Concerns == occurrence.Key && e.Attributes.ContainsKey(attribute))
                .OrderByDescending(e => e.Day).FirstOrDefault();
            if (evaluation is null)
            {
                return null;
            }

            var failing = evaluation.Number(attribute);
            var total = evaluation.Attributes.Keys.Where(k => EvaluationVotes.IsCounted(k, attribute))
                .Distinct().Sum(evaluation.Number);
            return threshold.IsReachedBy(failing, total) ? $"{attribute} {JudgeContext.Number(failing)}/{JudgeContext.Number(total)} ≥ {threshold.Text}" : null;
        }

        if (condition.Outcome == "returned")
        {
            var returned = records.OfType<ReviewRecord>().FirstOrDefault(r => r.Decision == ReviewDecision.Returned
                && (r.DocumentKey == occurrence.Key || records.OfType<DocumentRecord>().Any(d => d.Key == r.DocumentKey && d.Day >= occurrence.Day && d.Author is not null
                    && occurrence is ActivityRecord a && a.Participants.Contains(d.Author))));
            return returned is null ? null : $"{ReturnedBy}{returned.Role} {JudgeContext.Day(returned.Day)}";
        }

        return TestOutcome.IsFailed(occurrence) ? "failed" : null;
    }
}
