using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Bench;

/// <summary>
/// Wraps a requirement's judge to count how often the rules call it (<c>--variant counted</c>), through
/// <c>ComplianceRules.For(plan, decorate)</c>: the rules are the engine's own, only the judge they call is wrapped.
/// </summary>
public sealed class CountingJudge(RequirementJudge inner, JudgeContext context) : RequirementJudge(inner.Requirement, context)
{
    /// <summary>Judge calls made so far.</summary>
    public static long JudgeCalls;

    /// <summary>Judge calls that returned a violation.</summary>
    public static long Violated;

    public override bool PerRecord => inner.PerRecord;

    public override bool ReadsOnlyItsPeriod => inner.ReadsOnlyItsPeriod;

    public override string RelevanceKey => inner.RelevanceKey;

    public override bool IsRelevant(UnitRecord record) => inner.IsRelevant(record);

    public override bool SetsDeadlines => inner.SetsDeadlines;

    public override DateOnly? DeadlineSetBy(UnitRecord record, Func<string, UnitRecord?> find) => inner.DeadlineSetBy(record, find);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        JudgeCalls++;
        var verdict = inner.Judge(due, records);
        if (verdict is not null)
        {
            Violated++;
        }

        return verdict;
    }
}
