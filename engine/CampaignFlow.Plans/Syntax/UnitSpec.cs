using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>The unit a plan is for; also a line of an organisation file (<see cref="OrganisationUnitSpec"/>).</summary>
public record UnitSpec : PlanNode
{
    /// <summary>The unit's id, e.g. <c>panyu-ftu</c>.</summary>
    [PlanRequired, Description("The unit's id, e.g. panyu-ftu.")]
    public string Id { get; init; } = "";

    /// <summary>The unit's name, e.g. 番禺区总工会.</summary>
    [PlanRequired, Description("The unit's name, e.g. 番禺区总工会.")]
    public string Name { get; init; } = "";

    /// <summary>The kind of unit, one of the parent plan's <c>unitKinds</c> when it has them.</summary>
    [Description("The kind of unit; one of the parent plan's unitKinds when it declares them.")]
    public string? Kind { get; init; }

    /// <summary>The id of the body above.</summary>
    [Description("The id of the body above, e.g. panyu-district.")]
    public string? Parent { get; init; }
}
