using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>每周集中学习时间不少于半天: in each period, the activities add up to the minimum (a person's own by rank).</summary>
internal sealed class PeriodMinimumJudge(PeriodMinimum requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var counted = SubjectActivities(due, records).ToArray();
        var actual = Measure.Of(counted, requirement.Minimum.IsWorkingTime, requirement.Sum);
        var required = due.Target is { } target && requirement.PersonMinimums.TryGetValue(target, out var own) ? own : requirement.MinimumValue;
        if (actual >= required)
        {
            return null;
        }

        var unit = requirement.Minimum.IsWorkingTime && requirement.Sum is null ? "h" : requirement.Minimum.Label;
        return Violate(due, requirement.Minimum.IsWorkingTime ? "period-minimum-hours" : "period-minimum-count",
            new Evidence(counted.Select(a => a.Key).ToArray(), [], $"{JudgeContext.Number(actual)} {unit}".Trim(), $"{JudgeContext.Number(required)} {unit}".Trim()),
            due.Period, Title, JudgeContext.Number(actual), JudgeContext.Number(required), requirement.Minimum.Text, Context.Name(due.Target));
    }
}
