using System.ComponentModel;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Syntax;

/// <summary>One holiday of a notice: 国庆节：10月1日至7日放假调休，共7天。9月28日（星期日）、10月11日（星期六）上班。</summary>
public sealed record HolidaySpec : PlanNode
{
    /// <summary>The holiday's name (国庆节).</summary>
    [PlanRequired, Description("The holiday's name, as the notice writes it (国庆节).")]
    public string Name { get; init; } = "";

    /// <summary>The days off, weekend days included (10月1日至7日).</summary>
    [PlanRequired, Description("The days off (放假), weekend days included: 10月1日至7日, 1月1日.")]
    public Period? Off { get; init; }

    /// <summary>The Saturdays and Sundays worked instead (调休上班).</summary>
    [Description("The Saturdays and Sundays worked instead (上班): [9月28日, 10月11日].")]
    public IReadOnlyList<Period>? Workdays { get; init; }
}
