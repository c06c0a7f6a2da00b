using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>每年发文不超过25个: in each period (or the window), the activities stay within the cap.</summary>
internal sealed class CapJudge(Cap requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) =>
        IsSubjectActivity(record) || (record is DocumentRecord d && d.Kind == Requirement.Subject.Id) || (record is LedgerItemRecord l && l.Ledger == Requirement.Subject.Id);

    // Per person, a record counts for its owner: a document's author, a ledger item's owner, an activity's participants.
    private bool Owned(UnitRecord record, string? target) => target is null || Owns(record, target);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var counted = records.Where(r => r.Within(due.Start, due.End) && IsRelevant(r) && Owned(r, due.Target)).ToArray();
        var activities = counted.OfType<ActivityRecord>().Where(a => due.Target is null || BelongsTo(a, due.Target)).ToArray();
        var actual = activities.Length > 0 ? Measure.Of(activities, requirement.Maximum.IsWorkingTime, null) : counted.Length;
        if (actual <= requirement.MaximumValue)
        {
            return null;
        }

        // The count is said with the plan's own counting word (发文 26 个 against 不超过25个); hours as hours.
        var unit = activities.Length > 0 && requirement.Maximum.IsWorkingTime ? "h" : requirement.Maximum.Label;
        return Violate(due, "cap-exceeded",
            new Evidence(counted.Select(r => r.Key).ToArray(), [], JudgeContext.Number(actual), requirement.Maximum.Text),
            due.Period, Title, $"{JudgeContext.Number(actual)} {unit}".Trim(), requirement.Maximum.Text, Context.Name(due.Target));
    }
}
