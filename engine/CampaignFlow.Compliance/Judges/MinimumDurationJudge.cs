using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>会议时间不少于1天; 每次调研不少于2天: every occurrence in the window lasts the minimum.</summary>
internal sealed class MinimumDurationJudge(MinimumDuration requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var occurrences = SubjectActivities(due, records).ToArray();
        var short_ = occurrences.Where(a => a.Hours < requirement.MinimumHours).ToArray();
        if (short_.Length == 0)
        {
            return null;
        }

        return Violate(due, "duration-short",
            new Evidence(occurrences.Select(a => a.Key).ToArray(), short_.Select(a => $"{a.Key} {JudgeContext.Day(a.Day)} {JudgeContext.Number(a.Hours)} h").ToArray(),
                string.Join(", ", short_.Select(a => JudgeContext.Number(a.Hours) + " h")), JudgeContext.Number(requirement.MinimumHours) + " h"),
            Title, string.Join(", ", short_.Select(a => $"{JudgeContext.Day(a.Day)} {JudgeContext.Number(a.Hours)}")), requirement.Minimum.Text,
            JudgeContext.Number(requirement.MinimumHours), Context.Name(due.Target));
    }
}
