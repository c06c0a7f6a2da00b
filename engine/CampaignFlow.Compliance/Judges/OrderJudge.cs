using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// 动员大会结束后开展民主评议; 召开民主生活会前谈心; 会后一周内: the subject's first occurrence comes after each
/// action of <c>after</c> (within the time given) and before each action of <c>before</c>.
/// </summary>
internal sealed class OrderJudge(Order requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    private readonly Subject[] _others = requirement.After.Concat(requirement.Before)
        .Select(context.SubjectOf).OfType<Subject>().Append(requirement.Subject).ToArray();

    public override string RelevanceKey => base.RelevanceKey + "|others:" + string.Join(",", _others);

    // A publication's author is its document's: per person, the documents of a published kind are needed too.
    public override bool IsRelevant(UnitRecord record) =>
        _others.Any(s => SubjectRecords.Is(record, s))
        || (Requirement.Subject.Kind == SubjectKind.Publication && record is DocumentRecord d && d.Kind == Requirement.Subject.Id);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var first = records.Where(r => SubjectRecords.Is(r, Requirement.Subject) && r.Within(due.Start, due.End) && Owned(r, due.Target, records))
            .OrderBy(r => r.Day).ThenBy(r => r.Time ?? TimeOnly.MinValue).FirstOrDefault();
        if (first is null)
        {
            return null; // nothing held: the count requirement of the action says so
        }

        var problems = new List<OrderProblem>();
        var day = JudgeContext.Day(first.Day);
        foreach (var action in requirement.After)
        {
            var other = Context.SubjectOf(action);
            // Same day counts as before unless both records give a time that says otherwise.
            var before = other is null ? null : SubjectRecords.First(records.Where(r => !first.IsBefore(r) && Counts(r, action, due.Target, records)), other);
            if (before is null)
            {
                if (!LateRoot.Explains(Context, action, first, records))
                {
                    problems.Add(NoneBefore(action, other, first, records, due.Target));
                }
            }
            else if (requirement.Within is { } within && within.LastDayAfter(before.Value, Context.Plan.WorkingCalendar) is var last && last < first.Day)
            {
                problems.Add(new OrderProblem("order-after-late", $"{action}: {JudgeContext.Day(before.Value)} + {within.Text} < {day}",
                    [Title, day, OtherTitle(action, other), JudgeContext.Day(before.Value), within.Text, JudgeContext.Day(last), JudgeContext.Number(first.Day.DayNumber - last.DayNumber)]));
            }
        }

        foreach (var action in requirement.Before)
        {
            var other = Context.SubjectOf(action);
            var next = other is null ? null : records.Where(r => SubjectRecords.Is(r, other) && Counts(r, action, due.Target, records))
                .OrderBy(r => r.Day).ThenBy(r => r.Time ?? TimeOnly.MinValue).FirstOrDefault();
            if (next is not null && next.IsBefore(first))
            {
                problems.Add(new OrderProblem("order-before-broken", $"{action}: {Moment(next)} before {Moment(first)}",
                    [Title, Moment(first), OtherTitle(action, other), Moment(next)]));
            }
        }

        var evidence = new Evidence([first.Key], problems.Select(p => p.Evidence).ToArray(), day, null);
        return problems.Count switch
        {
            0 => null,
            // One problem is said on its own, with by how much; several keep the list.
            1 => Violate(due, problems[0].Code, evidence, problems[0].Arguments),
            _ => Violate(due, "order-broken", evidence, Title, day, MessageList.Of(problems.Select(p => (p.Code, (IReadOnlyList<string>)p.Arguments)))),
        };
    }

    // Nothing of the other action before this one: held later (said with its day), or not at all.
    private OrderProblem NoneBefore(string action, Subject? other, UnitRecord first, IReadOnlyCollection<UnitRecord> records, string? target)
    {
        var day = JudgeContext.Day(first.Day);
        var later = other is null ? null : records.Where(r => SubjectRecords.Is(r, other) && Counts(r, action, target, records))
            .OrderBy(r => r.Day).ThenBy(r => r.Time ?? TimeOnly.MinValue).FirstOrDefault();
        return later is null
            ? new OrderProblem("order-none-before", $"{action}: none before {day}", [Title, day, OtherTitle(action, other)])
            : new OrderProblem("order-other-later", $"{action}: none before {day}", [Title, day, OtherTitle(action, other), Moment(later)]);
    }

    private string OtherTitle(string action, Subject? other) => other is null ? action : Context.Title(other);

    private static string Moment(UnitRecord record) =>
        JudgeContext.Day(record.Day) + (record.Time is { } time ? " " + time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "");

    // Per person (branch, department), the target's own occurrence is ordered: a document they wrote, an activity they
    // took part in (or of their branch), a publication of their document.
    private bool Owned(UnitRecord record, string? target, IReadOnlyCollection<UnitRecord> records) => target is null || Owns(record, target, records);

    // Against an action counted the same way (per person, branch or department), only the target's own occurrence
    // counts: a member's report follows his own research trip, not another member's.
    private bool Counts(UnitRecord record, string action, string? target, IReadOnlyCollection<UnitRecord> records) =>
        target is null || Requirement.Scope == Plans.Requirements.Scope.Unit
        || Context.Plan.Actions.FirstOrDefault(a => a.Id == action)?.Requirements.FirstOrDefault()?.Scope != Requirement.Scope
        || Owned(record, target, records);
}
