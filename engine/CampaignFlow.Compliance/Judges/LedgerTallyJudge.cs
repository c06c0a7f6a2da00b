using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>保留16项、废止4项、修订完善37项: the ledger's items, counted by a field's values, reach the stated numbers.</summary>
internal sealed class LedgerTallyJudge(LedgerTally requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool IsRelevant(UnitRecord record) => record is LedgerItemRecord l && l.Ledger == Requirement.Subject.Id;

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var items = records.OfType<LedgerItemRecord>().Where(l => l.Ledger == Requirement.Subject.Id).ToArray();
        var counted = items.GroupBy(i => i.Fields.GetValueOrDefault(requirement.Field) ?? "").ToDictionary(g => g.Key, g => g.Count());
        var short_ = requirement.Counts.Where(c => counted.GetValueOrDefault(c.Key) < c.Value)
            .Select(c => $"{c.Key} {counted.GetValueOrDefault(c.Key)}/{c.Value}").ToArray();
        return short_.Length == 0
            ? null
            : Violate(due, "ledger-tally-short",
                new Evidence(items.Select(i => i.Key).ToArray(), short_, string.Join(", ", requirement.Counts.Keys.Select(k => $"{k} {counted.GetValueOrDefault(k)}")), string.Join(", ", requirement.Counts.Select(c => $"{c.Key} {c.Value}"))),
                Title, requirement.Field, string.Join("、", short_));
    }
}
