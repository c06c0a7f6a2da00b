using System.Globalization;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// 下午3点召开动员大会: every occurrence in the window starts at the plan's time. Each occurrence is judged on its own, so
/// a meeting held at the wrong time is one violation naming when it started, and a meeting never held is not one (the
/// count of the action says that).
/// </summary>
internal sealed class StartTimeJudge(StartTime requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool PerRecord => true;

    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var occurrence = SubjectActivities(due, records).FirstOrDefault();
        var wanted = requirement.At.Value;
        if (occurrence is null || occurrence.Time == wanted)
        {
            return null;
        }

        var day = JudgeContext.Day(occurrence.Day);
        if (occurrence.Time is not { } started)
        {
            // Without its time a record cannot show it kept the plan's: the recorder is asked for it, not excused.
            return Violate(due, occurrence.Key, "start-time-unrecorded", new Evidence([occurrence.Key], [occurrence.Key], null, requirement.At.Clock),
                Title, day, requirement.At.Clock);
        }

        var clock = started.ToString("HH:mm", CultureInfo.InvariantCulture);
        var off = (int)Math.Abs(Math.Round((started.ToTimeSpan() - wanted.ToTimeSpan()).TotalMinutes));
        return Violate(due, occurrence.Key, started > wanted ? "start-time-late" : "start-time-early",
            new Evidence([occurrence.Key], [$"{occurrence.Key}（{day} {clock}）"], clock, requirement.At.Clock),
            Title, day, clock, requirement.At.Clock, JudgeContext.Number(off));
    }
}
