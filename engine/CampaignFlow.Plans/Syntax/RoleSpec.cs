using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>A role declared by a plan beyond the built-in ones.</summary>
public sealed record RoleSpec : PlanNode
{
    /// <summary>The role's title, e.g. 市纪委同志.</summary>
    [PlanRequired, Shorthand, Description("The role's title, e.g. 上级纪检机关同志.")]
    public string Title { get; init; } = "";

    /// <summary>True for people from outside the unit (supervision group, invited officials, citizens).</summary>
    [Description("True for people from outside the unit: supervision-group members, invited officials, citizen representatives.")]
    public bool External { get; init; }
}
