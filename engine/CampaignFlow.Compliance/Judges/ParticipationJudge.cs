using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// 每名党员都要参加; 参学率达到95%; 领导班子成员参加所在支部会议: at each occurrence, everyone required (of its own
/// branch), or the plan's share of them, took part. Each occurrence is judged on its own: a member at one session does
/// not stand for the same member missing the next. When the action asks for a number of occurrences, that many
/// well-attended ones meet it (<see cref="Participation.Occurrences"/>).
/// </summary>
internal sealed class ParticipationJudge(Participation requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var held = SubjectActivities(due, records).OrderBy(a => a.Day).ThenBy(a => a.Key, StringComparer.Ordinal).ToArray();
        if (held.Length == 0)
        {
            return null; // nothing held: the count requirement of the action says so
        }

        var required = due.Target is { } target && requirement.ByTarget.TryGetValue(target, out var own) ? own : requirement.Participants;
        if (required.Count == 0)
        {
            return null;
        }

        var shortOf = new List<(ActivityRecord Session, string[] Absent)>();
        foreach (var session in held)
        {
            var present = session.Participants.ToHashSet(StringComparer.Ordinal);
            var absent = required.Where(p => !present.Contains(p)).ToArray();
            var enough = requirement.Rate is { } rate ? rate.IsReachedBy(required.Count - absent.Length, required.Count) : absent.Length == 0;
            if (!enough)
            {
                shortOf.Add((session, absent));
            }
        }

        // When the action asks for N occurrences, N well-attended ones meet it; the others may be make-up sessions.
        if (shortOf.Count == 0 || (requirement.Occurrences is { } asked && held.Length - shortOf.Count >= asked))
        {
            return null;
        }

        var fewest = required.Count - shortOf.Max(s => s.Absent.Length);
        if (held.Length == 1 && requirement.Rate is null)
        {
            var absent = shortOf[0].Absent;
            return Violate(due, "participation-absent",
                new Evidence([held[0].Key], absent.Select(Context.Name).ToArray(), $"{fewest}/{required.Count}", $"{required.Count}"),
                Title, string.Join("、", absent.Select(Context.Name)), Context.Name(due.Target));
        }

        // Each session short of attendance is named with who missed it, so the auditor can ask about that session.
        var sessions = shortOf.Select(s => $"{s.Session.Key}（{JudgeContext.Day(s.Session.Day)}）：{string.Join("、", s.Absent.Select(Context.Name))}").ToArray();
        var wanted = requirement.Rate?.Text ?? "100%";
        return Violate(due, "participation-short-at",
            new Evidence(held.Except(shortOf.Select(s => s.Session)).Select(a => a.Key).ToArray(), sessions, $"{fewest}/{required.Count}", wanted),
            Title, $"{shortOf.Count}", $"{held.Length}", wanted, string.Join("；", sessions));
    }
}
