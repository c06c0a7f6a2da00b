using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// What makes a plan a template: the kinds of unit below a body that run it when they have no plan of their own
/// (the units are listed in the organisation files, one line each, not one plan file each).
/// </summary>
public sealed record TemplateSpec : PlanNode
{
    /// <summary>The body whose units run the template; by default the unit of the plan it inherits.</summary>
    [Description("The body whose units below run this template (default: the unit of the plan it inherits), e.g. weidu-district.")]
    public string? Body { get; init; }

    /// <summary>The kinds of unit that run it, of the unit kinds the plan above declares.</summary>
    [PlanRequired, Description("The kinds of unit below the body that run this template, e.g. [street].")]
    public IReadOnlyList<string> AppliesTo { get; init; } = [];
}
