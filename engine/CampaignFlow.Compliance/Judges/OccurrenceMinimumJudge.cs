using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>每个调研组走访10户困难户: every occurrence in the window records at least the minimum of its attribute.</summary>
internal sealed class OccurrenceMinimumJudge(OccurrenceMinimum requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var occurrences = SubjectActivities(due, records).ToArray();
        var short_ = occurrences.Where(a => a.Number(requirement.Attribute) < requirement.Minimum.Value).ToArray();
        if (short_.Length == 0)
        {
            return null;
        }

        var label = requirement.Minimum.Label;
        var found = short_.Select(a => $"{a.Key} {JudgeContext.Number(a.Number(requirement.Attribute))}{label}").ToArray();
        return Violate(due, "occurrence-short",
            new Evidence(occurrences.Select(a => a.Key).ToArray(), found, string.Join(", ", short_.Select(a => JudgeContext.Number(a.Number(requirement.Attribute)) + label)), requirement.Minimum.Text),
            Title, requirement.Attribute, requirement.Minimum.Text,
            string.Join("; ", short_.Select(a => $"{JudgeContext.Occasion(a, occurrences)} {JudgeContext.Number(a.Number(requirement.Attribute))}{label}")), Context.Name(due.Target));
    }
}
