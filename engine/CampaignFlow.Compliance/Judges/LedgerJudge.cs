using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>整改事项、整改措施、整改责任、整改时限、整改效果: every item carries the fields, and none is past its deadline undone.</summary>
internal sealed class LedgerJudge(Ledger requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override bool PerRecord => true;

    public override bool IsRelevant(UnitRecord record) => record is LedgerItemRecord l && l.Ledger == Requirement.Subject.Id;

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        var items = records.OfType<LedgerItemRecord>().Where(l => l.Ledger == Requirement.Subject.Id)
            .Where(l => due.Target is null || l.Fields.GetValueOrDefault("owner") == due.Target).OrderBy(l => l.Key, StringComparer.Ordinal).ToArray();
        var overdue = items.Where(i => i.Deadline is { } d && d <= due.End && !i.Done).ToArray();
        var incomplete = items.Where(i => requirement.Fields.Any(f => !i.Fields.ContainsKey(f))).ToArray();
        var subject = items.Length == 1 ? items[0].Key : null;
        if (overdue.Length > 0)
        {
            return Violate(due, subject, "ledger-overdue",
                new Evidence(items.Select(i => i.Key).ToArray(), overdue.Select(i => $"{i.Key} {i.Fields.GetValueOrDefault("item")} ({JudgeContext.Day(i.Deadline!.Value)})").ToArray(), $"{overdue.Length}", "0"),
                Title, $"{overdue.Length}", string.Join("、", overdue.Select(i => $"{Said(i, items)}（{JudgeContext.Day(i.Deadline!.Value)}）")));
        }

        return incomplete.Length == 0
            ? null
            : Violate(due, subject, "ledger-incomplete",
                new Evidence(items.Select(i => i.Key).ToArray(), incomplete.Select(i => $"{i.Key}: {string.Join(", ", requirement.Fields.Where(f => !i.Fields.ContainsKey(f)))}").ToArray(), null, string.Join(", ", requirement.Fields)),
                Title, $"{incomplete.Length}", string.Join(", ", requirement.Fields));
    }

    // An item is said by what it is about (its item field, as the unit wrote it); the key only when it has none, or
    // another item says the same.
    private static string Said(LedgerItemRecord item, IReadOnlyCollection<LedgerItemRecord> items) =>
        item.Fields.GetValueOrDefault("item") is not { Length: > 0 } text ? item.Key
        : items.Count(i => i.Fields.GetValueOrDefault("item") == text) > 1 ? $"“{text}”（{item.Key}）"
        : $"“{text}”";
}
