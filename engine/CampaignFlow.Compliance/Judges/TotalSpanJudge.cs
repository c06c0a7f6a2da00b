using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Compliance.Judges;

/// <summary>集中教育时间一般不少于3个月: from the unit's first activity to its last spans at least the length.</summary>
internal sealed class TotalSpanJudge(TotalSpan requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => record is ActivityRecord;

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var activities = records.OfType<ActivityRecord>().Where(a => a.Within(due.Start, due.End)).ToArray();
        var first = activities.Select(a => (DateOnly?)a.Day).Min();
        var last = activities.Select(a => (DateOnly?)a.LastDay).Max();
        if (first is { } from && last is { } to && Reaches(from, to, requirement.Minimum, Context.Plan.WorkingCalendar))
        {
            return null;
        }

        if (first is null)
        {
            // Nothing recorded has no span to state: saying "the span is -" reads as a placeholder left in the sentence.
            return Violate(due, "span-none", new Evidence([], [], null, requirement.Minimum.Text), "", requirement.Minimum.Text);
        }

        var span = $"{JudgeContext.Day(first.Value)}..{JudgeContext.Day(last!.Value)}";
        return Violate(due, "span-short", new Evidence([], [], span, requirement.Minimum.Text), span, requirement.Minimum.Text);
    }

    // The span reaches a length when the day after its last day is no earlier than its first day plus the length;
    // written in working days (不少于20个工作日), when it holds that many working days.
    private static bool Reaches(DateOnly from, DateOnly to, Quantity length, WorkingCalendar calendar) => length.OnWorkingDays
        ? calendar.WorkingDaysBetween(from, to) >= length.Value
        : DateOnly.FromDateTime(length.AddTo(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue))).DateTime) <= to.AddDays(1);
}
