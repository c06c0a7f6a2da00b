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

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var occurrences = records.Where(r => SubjectRecords.Is(r, Requirement.Subject) && r.Within(due.Start, due.End))
            .Where(r => due.Target is null || r switch
            {
                ActivityRecord a => BelongsTo(a, due.Target),
                DocumentRecord d => d.Author == due.Target,
                _ => true,
            })
            .ToArray();
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

            if (why is not null)
            {
                return Violate(due, "rework-required",
                    new Evidence([failed.Key], [why], why, requirement.Condition.Text),
                    Title, failed.Key, JudgeContext.Day(failed.Day), why, Context.Name(due.Target));
            }
        }

        return null;
    }

    private bool Unevaluated(UnitRecord occurrence, IReadOnlyCollection<UnitRecord> records) =>
        requirement.Condition is { Threshold: not null, Attribute: { } attribute }
        && !records.OfType<ActivityRecord>().Any(e => e.Concerns == occurrence.Key && e.Attributes.ContainsKey(attribute));

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
            var total = evaluation.Attributes.Keys.Where(k => k is "satisfied" or "basic" or "unsatisfied" || k == attribute)
                .Distinct().Sum(evaluation.Number);
            return threshold.IsReachedBy(failing, total) ? $"{attribute} {JudgeContext.Number(failing)}/{JudgeContext.Number(total)} ≥ {threshold.Text}" : null;
        }

        if (condition.Outcome == "returned")
        {
            var returned = records.OfType<ReviewRecord>().FirstOrDefault(r => r.Decision == ReviewDecision.Returned
                && (r.DocumentKey == occurrence.Key || records.OfType<DocumentRecord>().Any(d => d.Key == r.DocumentKey && d.Day >= occurrence.Day && d.Author is not null
                    && occurrence is ActivityRecord a && a.Participants.Contains(d.Author))));
            return returned is null ? null : $"returned by {returned.Role} {JudgeContext.Day(returned.Day)}";
        }

        return TestOutcome.IsFailed(occurrence) ? "failed" : null;
    }
}
