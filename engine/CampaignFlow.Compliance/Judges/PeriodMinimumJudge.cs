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
        var (evidence, actual, required) = Weigh(due, records);
        if (actual >= required)
        {
            return null;
        }

        // A person held to a minimum of their own (by rank) is not told the plan's general amount beside it: 4 小时（8小时）
        // would contradict itself.
        var code = !requirement.Minimum.IsWorkingTime ? "period-minimum-count"
            : required != requirement.MinimumValue ? "period-minimum-hours-own" : "period-minimum-hours";
        // A count is said with the plan's counting word (2 次, not a bare 2); hours keep the templates' 小时/h.
        var label = requirement.Minimum.IsWorkingTime ? "" : requirement.Minimum.Label;
        return Violate(due, code, evidence,
            due.Period, Title, $"{JudgeContext.Number(actual)} {label}".Trim(), $"{JudgeContext.Number(required)} {label}".Trim(), requirement.Minimum.Text, Context.Name(due.Target));
    }

    public override Evidence? Standing(Due due, IReadOnlyCollection<UnitRecord> records) => Weigh(due, records).Evidence;

    private (Evidence Evidence, decimal Actual, decimal Required) Weigh(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var counted = SubjectActivities(due, records).ToArray();
        var actual = Measure.Of(counted, requirement.Minimum.IsWorkingTime, requirement.Sum);
        var required = due.Target is { } target && requirement.PersonMinimums.TryGetValue(target, out var own) ? own : requirement.MinimumValue;
        var unit = requirement.Minimum.IsWorkingTime && requirement.Sum is null ? "h" : requirement.Minimum.Label;
        return (new Evidence(counted.Select(a => a.Key).ToArray(), [], $"{JudgeContext.Number(actual)} {unit}".Trim(), $"{JudgeContext.Number(required)} {unit}".Trim()), actual, required);
    }
}
