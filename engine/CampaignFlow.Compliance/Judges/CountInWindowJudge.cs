using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>四次集中专题学习; 召开一次民主生活会: the number of occurrences in the window (re-held ones not counted twice).</summary>
internal sealed class CountInWindowJudge(CountInWindow requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool ReadsOnlyItsPeriod => true;

    public override bool IsRelevant(UnitRecord record) => Requirement.Subject.Kind switch
    {
        SubjectKind.Document => record is DocumentRecord d && d.Kind == Requirement.Subject.Id,
        SubjectKind.Ledger => record is LedgerItemRecord l && l.Ledger == Requirement.Subject.Id,
        _ => IsSubjectActivity(record),
    };

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var counted = Counted(due, records);
        var tooFew = counted.Length < requirement.AtLeast;
        var tooMany = requirement.AtMost is { } most && counted.Length > most;
        if (!tooFew && !tooMany)
        {
            return null;
        }

        var required = Required;
        return Violate(due, tooFew ? (counted.Length == 0 ? "count-none" : "count-too-few") : "count-too-many",
            new Evidence(counted, [], $"{counted.Length}", required),
            Title, $"{counted.Length}", required, JudgeContext.Day(due.Start), JudgeContext.Day(due.End));
    }

    public override Evidence? Standing(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var counted = Counted(due, records);
        return new Evidence(counted, [], $"{counted.Length}", Required);
    }

    private string Required => requirement.AtMost == requirement.AtLeast ? $"{requirement.AtLeast}" : $"≥ {requirement.AtLeast}";

    private string[] Counted(Due due, IReadOnlyCollection<UnitRecord> records) => Requirement.Subject.Kind switch
    {
        SubjectKind.Document => records.OfType<DocumentRecord>()
            .Where(d => d.Within(due.Start, due.End) && d.Replaces is null && (due.Target is null || d.Author == due.Target || Requirement.Scope != Scope.Person))
            .Select(d => d.Key).ToArray(),
        SubjectKind.Ledger => records.OfType<LedgerItemRecord>()
            .Where(l => l.Within(due.Start, due.End) && (due.Target is null || Requirement.Scope != Scope.Person || l.Fields.GetValueOrDefault("owner") == due.Target))
            .Select(l => l.Key).ToArray(),
        _ => SubjectActivities(due, records).Where(a => a.Replaces is null).Select(a => a.Key).ToArray(),
    };
}
