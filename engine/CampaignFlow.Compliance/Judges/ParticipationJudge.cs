using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>每名党员都要参加; 领导班子成员参加所在支部会议: everyone required took part in the occurrence (of their own branch).</summary>
internal sealed class ParticipationJudge(Participation requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => IsSubjectActivity(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var held = SubjectActivities(due, records).ToArray();
        if (held.Length == 0)
        {
            return null; // nothing held: the count requirement of the action says so
        }

        var required = due.Target is { } target && requirement.ByTarget.TryGetValue(target, out var own) ? own : requirement.Participants;
        var present = held.SelectMany(a => a.Participants).ToHashSet();
        var absent = required.Where(p => !present.Contains(p)).ToArray();
        return absent.Length == 0
            ? null
            : Violate(due, "participation-absent",
                new Evidence(held.Select(a => a.Key).ToArray(), absent.Select(Context.Name).ToArray(), $"{required.Count - absent.Length}/{required.Count}", $"{required.Count}"),
                Title, string.Join("、", absent.Select(Context.Name)), Context.Name(due.Target));
    }
}
