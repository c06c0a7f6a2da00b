using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>2月28日前召开动员大会: the first occurrence falls on or before the day.</summary>
internal sealed class DeadlineJudge(Deadline requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool IsRelevant(UnitRecord record) =>
        IsSubjectActivity(record) || (record is DocumentRecord d && d.Kind == Requirement.Subject.Id)
        || (record is PublicationRecord p && p.DocumentKind == Requirement.Subject.Id);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var all = records.Where(r => (due.Target is null || r is not ActivityRecord a || BelongsTo(a, due.Target))).OrderBy(r => r.Day).ToArray();
        if (all.Any(r => r.Day <= requirement.By))
        {
            return null;
        }

        var late = all.FirstOrDefault();
        return late is null
            ? Violate(due, "deadline-missed", new Evidence([], [Title], null, JudgeContext.Day(requirement.By)), Title, JudgeContext.Day(requirement.By), Context.Name(due.Target))
            : Violate(due, "deadline-late", new Evidence([late.Key], [], JudgeContext.Day(late.Day), JudgeContext.Day(requirement.By)),
                Title, JudgeContext.Day(late.Day), JudgeContext.Day(requirement.By), Context.Name(due.Target));
    }
}
