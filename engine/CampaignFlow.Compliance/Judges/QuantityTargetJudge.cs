using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>培训1200名; 集中学习时间在21天以上: an attribute (or the working time) adds up to the target over the window.</summary>
internal sealed class QuantityTargetJudge(QuantityTarget requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var counted = SubjectActivities(due, records).ToArray();
        var workingTime = requirement.Target.IsWorkingTime;
        var actual = Measure.Of(counted, workingTime, requirement.Attribute);
        var required = workingTime ? requirement.Target.ToHours(Context.Plan.WorkingHours) : requirement.Target.Value;
        if (actual >= required)
        {
            return null;
        }

        var unit = workingTime ? "h" : requirement.Target.Label;
        return Violate(due, "quantity-short",
            new Evidence(counted.Select(a => a.Key).ToArray(), [], $"{JudgeContext.Number(actual)} {unit}".Trim(), $"{JudgeContext.Number(required)} {unit}".Trim()),
            Title, requirement.Attribute, $"{JudgeContext.Number(actual)} {unit}".Trim(), workingTime ? $"{requirement.Target.Text} ({JudgeContext.Number(required)} h)" : requirement.Target.Text);
    }
}
