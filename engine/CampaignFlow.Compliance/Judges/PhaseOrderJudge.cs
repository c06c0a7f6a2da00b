using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// 动员会后，以支部为单位召开学习会议; links in the order written: the action's first record (the target's own, when
/// counted per person, branch or department) does not come before the first record of anything its phase follows.
/// What the phase follows and was never done is no violation here: that action's own requirements say it is missing.
/// </summary>
internal sealed class PhaseOrderJudge(PhaseOrder requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    // Each thing followed, with the requirements whose records mark it (an action's subject and its where).
    private readonly (PhaseReference Reference, Requirement[] Marks)[] _follows = requirement.Follows
        .Select(f => (f, f.Actions.Select(a => context.Plan.Actions.FirstOrDefault(x => x.Id == a)?.Requirements.FirstOrDefault())
            .OfType<Requirement>().Where(r => r.Subject.Kind != SubjectKind.Span).ToArray()))
        .ToArray();

    public override string RelevanceKey =>
        base.RelevanceKey + "|follows:" + string.Join(",", _follows.SelectMany(f => f.Marks).Select(m => m.Subject + System.Text.Json.JsonSerializer.Serialize(m.Matching.Text) + Known(m)));

    public override bool IsRelevant(UnitRecord record) =>
        SubjectRecords.Counts(Requirement, record) || _follows.Any(f => f.Marks.Any(m => SubjectRecords.Counts(m, record)));

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var first = Earliest(records.Where(r => SubjectRecords.Counts(Requirement, r) && r.Within(due.Start, due.End)
            && (due.Target is null || Owns(r, due.Target, records))));
        if (first is null)
        {
            return null; // nothing held: the action's count says so
        }

        foreach (var (reference, marks) in _follows)
        {
            var start = Earliest(records.Where(r => marks.Any(m => SubjectRecords.Counts(m, r))));
            if (start is not null && first.IsBefore(start))
            {
                return Violate(due, first.Key, "phase-order-early",
                    new Evidence([first.Key], [$"{reference.Id}: {start.Key} {JudgeContext.Day(start.Day)}"], JudgeContext.Day(first.Day), null),
                    Title, first.Key, JudgeContext.Day(first.Day), reference.Title, start.Key, JudgeContext.Day(start.Day));
            }
        }

        return null;
    }

    private static UnitRecord? Earliest(IEnumerable<UnitRecord> records) =>
        records.OrderBy(r => r.Day).ThenBy(r => r.Time ?? TimeOnly.MinValue).ThenBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault();
}
