using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// 邀请市委督导组到会指导; 邀请上级纪检机关同志参加; 班子成员5人参加: each occurrence has the attendees required by role,
/// at least or exactly that many, people from outside the unit counted by role and named where the record names them.
/// </summary>
internal sealed class AttendanceJudge(Attendance requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var off = new List<string>();
        var said = new List<string>();
        var exactMissed = false;
        var held = SubjectActivities(due, records).ToArray();
        foreach (var activity in held)
        {
            foreach (var (role, count, exact) in requirement.ByRole.Select(r => (r.Key, r.Value, false)).Concat(requirement.ExactlyByRole.Select(r => (r.Key, r.Value, true))))
            {
                var present = Present(activity, role);
                if (present.Count < count || (exact && present.Count != count))
                {
                    exactMissed |= exact;

                    // Evidence keeps role ids for tools; the sentence names the role as the plan titles it, and who came.
                    var compared = exact ? $"{present.Count} ≠ {count}" : $"{present.Count}/{count}";
                    var who = present.Names.Count == 0 ? "" : $"（{string.Join("、", present.Names)}）";
                    off.Add($"{activity.Key}: {role} {compared}{who}");
                    said.Add($"{JudgeContext.Occasion(activity, held)}: {Context.RoleTitle(role)} {compared}{who}");
                }
            }
        }

        return off.Count == 0
            ? null
            : Violate(due, exactMissed ? "attendance-not-exact" : "attendance-short", new Evidence(held.Select(a => a.Key).ToArray(), off, null, null), Title, string.Join("; ", said));
    }

    /// <summary>How many of a role attended, and the names of those the record names: the roster's people, then guests.</summary>
    private (int Count, IReadOnlyList<string> Names) Present(ActivityRecord activity, string role)
    {
        var members = activity.Participants.Where(p => Context.Plan.Roster.Find(p)?.Roles?.Contains(role) ?? false).Select(Context.Name).ToArray();
        var guests = activity.ExternalNames.GetValueOrDefault(role) ?? [];
        return (members.Length + activity.Externals.GetValueOrDefault(role), [.. members, .. guests]);
    }
}
