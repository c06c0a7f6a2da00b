using System.ComponentModel;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// How a ledger's items must add up by a field: 保留16项、废止4项、修订完善37项 is
/// <c>{ field: decision, counts: { 保留: 16项, 废止: 4项, 修订完善: 37项 } }</c>.
/// </summary>
public sealed record TallySpec : PlanNode
{
    /// <summary>The item field counted by its values (default <c>status</c>).</summary>
    [Description("The field of the ledger's items whose values are counted (default status).")]
    public string Field { get; init; } = "status";

    /// <summary>The least number of items with each value.</summary>
    [PlanRequired, Description("For each value of the field, the number of items that must have it: { 保留: 16项, 废止: 4项 }.")]
    public IReadOnlyDictionary<string, Quantity>? Counts { get; init; }
}
