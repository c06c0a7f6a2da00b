using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// 不符合要求的要重新进行调研: each occurrence of the subject (each version of a member's report, a resubmission too)
/// follows an occurrence of the actions named of its own — one no earlier occurrence used, and, after a return, one
/// done after the return. Per person, the target's own occurrences on both sides count when both actions are counted
/// per person.
/// </summary>
internal sealed class OrderEachJudge(OrderEach requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    private readonly Requirement[] _after = requirement.After
        .Select(a => context.Plan.Actions.FirstOrDefault(x => x.Id == a)?.Requirements.FirstOrDefault())
        .OfType<Requirement>().Where(r => r.Subject.Kind != SubjectKind.Span).ToArray();

    public override string RelevanceKey =>
        base.RelevanceKey + "|each-after:" + string.Join(",", _after.Select(m => m.Subject + System.Text.Json.JsonSerializer.Serialize(m.Matching.Text) + Known(m) + m.Scope));

    public override bool IsRelevant(UnitRecord record) =>
        SubjectRecords.Counts(Requirement, record) || _after.Any(m => SubjectRecords.Counts(m, record))
        || record is ReviewRecord { Decision: ReviewDecision.Returned };

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var occurrences = InOrder(records.Where(r => SubjectRecords.Counts(Requirement, r) && r.Within(due.Start, due.End)
            && (due.Target is null || Owns(r, due.Target, records)))).ToArray();
        var candidates = InOrder(records.Where(r => _after.Any(m => SubjectRecords.Counts(m, r) && Mine(r, m, due.Target, records)))).ToArray();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        UnitRecord? since = null;
        foreach (var occurrence in occurrences)
        {
            var own = candidates.FirstOrDefault(c => !used.Contains(c.Key) && !occurrence.IsBefore(c) && (since is null || !c.IsBefore(since)));
            if (own is null)
            {
                missing.Add(since is null
                    ? $"{occurrence.Key}（{JudgeContext.Day(occurrence.Day)}）"
                    : $"{occurrence.Key}（{JudgeContext.Day(since.Day)}..{JudgeContext.Day(occurrence.Day)}）");
            }
            else
            {
                used.Add(own.Key);
            }

            // The next one needs its own after this one, or after the return of this one when it was returned.
            since = records.OfType<ReviewRecord>().Where(r => r.DocumentKey == occurrence.Key && r.Decision == ReviewDecision.Returned)
                .OrderByDescending(r => r.Day).FirstOrDefault() ?? occurrence;
        }

        if (missing.Count == 0)
        {
            return null;
        }

        var titles = string.Join("、", _after.Select(m => Context.Title(m.Subject)).Distinct());
        return Violate(due, "order-each-missing", new Evidence(occurrences.Select(o => o.Key).ToArray(), missing, $"{occurrences.Length - missing.Count}/{occurrences.Length}", null),
            Title, string.Join("、", missing), titles);
    }

    // Against an action counted per person too, only the target's own occurrence counts: his own trip, not another's.
    private bool Mine(UnitRecord record, Requirement other, string? target, IReadOnlyCollection<UnitRecord> records) =>
        target is null || other.Scope != Requirement.Scope || Owns(record, target, records);

    private static IEnumerable<UnitRecord> InOrder(IEnumerable<UnitRecord> records) =>
        records.OrderBy(r => r.Day).ThenBy(r => r.Time ?? TimeOnly.MinValue).ThenBy(r => r.Key, StringComparer.Ordinal);
}
