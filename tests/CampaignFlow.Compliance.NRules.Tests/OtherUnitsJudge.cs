using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>A seed judge as it is, but reading the records of other units too (as a body's requirement over the units below it does).</summary>
internal sealed class OtherUnitsJudge(RequirementJudge inner, JudgeContext context) : RequirementJudge(inner.Requirement, context)
{
    public override bool ReadsOtherUnits => true;

    public override bool PerRecord => inner.PerRecord;

    public override bool ReadsOnlyItsPeriod => inner.ReadsOnlyItsPeriod;

    public override string RelevanceKey => inner.RelevanceKey;

    public override bool IsRelevant(UnitRecord record) => inner.IsRelevant(record);

    public override bool SetsDeadlines => inner.SetsDeadlines;

    public override DateOnly? DeadlineSetBy(UnitRecord record, Func<string, UnitRecord?> find) => inner.DeadlineSetBy(record, find);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records) => inner.Judge(due, records);
}
