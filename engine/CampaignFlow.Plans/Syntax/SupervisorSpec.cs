using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>The supervision group (督导组) that reviews the unit's documents at approval gates.</summary>
public sealed record SupervisorSpec : PlanNode
{
    /// <summary>The group's name, e.g. 区委督导组.</summary>
    [PlanRequired, Shorthand, Description("The group's name, e.g. 区委督导组.")]
    public string Name { get; init; } = "";

    /// <summary>An id for the group, when several units share it.</summary>
    [Description("An id for the group, when several units share it.")]
    public string? Id { get; init; }
}
