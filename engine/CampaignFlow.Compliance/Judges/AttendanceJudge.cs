using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>邀请市委督导组到会指导; 邀请上级纪检机关同志参加: each occurrence has the attendees required by role.</summary>
internal sealed class AttendanceJudge(Attendance requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var short_ = new List<string>();
        var said = new List<string>();
        var held = SubjectActivities(due, records).ToArray();
        foreach (var activity in held)
        {
            foreach (var (role, count) in requirement.ByRole)
            {
                var present = activity.Externals.GetValueOrDefault(role)
                              + activity.Participants.Count(p => Context.Plan.Roster.Find(p)?.Roles?.Contains(role) ?? false);
                if (present < count)
                {
                    // Evidence keeps role ids for tools; the sentence names the role as the plan titles it.
                    short_.Add($"{activity.Key}: {role} {present}/{count}");
                    said.Add($"{activity.Key}: {Context.RoleTitle(role)} {present}/{count}");
                }
            }
        }

        return short_.Count == 0
            ? null
            : Violate(due, "attendance-short", new Evidence(held.Select(a => a.Key).ToArray(), short_, null, null), Title, string.Join("; ", said));
    }
}
