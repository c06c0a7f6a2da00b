namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// What happens at one moment comes out in one order whatever engine fires the rules: open violations that tie on
/// requirement, period and target (a ledger's overdue items) by id, and the history of one moment by violation id.
/// Found by the NRules differential tests, where the two agendas fire the same activations in different orders.
/// </summary>
public class SimultaneousChangesTests
{
    [Fact]
    public void Two_overdue_items_of_one_ledger_are_listed_by_id_and_enter_history_by_id()
    {
        var result = Seeds.Simulate("guangxi-ftu-2013", until: new DateOnly(2014, 2, 2));

        var ledger = result.Violations.Where(v => v.RequirementId.StartsWith("opinions-ledger", StringComparison.Ordinal)).Select(v => v.Record).ToArray();
        ledger.ShouldBe(["opinion-301", "opinion-302"]);

        var moments = result.History.GroupBy(c => c.At).ToArray();
        moments.ShouldContain(m => m.Count() > 1, "the demo log has moments with several changes");
        moments.ShouldAllBe(m => m.Select(c => c.Violation.Id).SequenceEqual(m.Select(c => c.Violation.Id).Order(StringComparer.Ordinal)));
    }
}
