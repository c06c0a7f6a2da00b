using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>A supervision group (督导组) as written: who it is and which units it covers.</summary>
public sealed record GroupSpec : PlanNode
{
    /// <summary>The group's id, which reviewer tokens name, e.g. <c>weidu-group-1</c>.</summary>
    [PlanRequired, Description("The group's id, which reviewer tokens name, e.g. weidu-group-1.")]
    public string Id { get; init; } = "";

    /// <summary>The group's name, e.g. 区委第一督导组.</summary>
    [PlanRequired, Description("The group's name, e.g. 区委第一督导组.")]
    public string Name { get; init; } = "";

    /// <summary>Who leads it (GX-05: each group is led by a leader).</summary>
    [PlanRequired, Description("Who leads the group (每个督导组由一名…带队).")]
    public string Leader { get; init; } = "";

    /// <summary>Its other members.</summary>
    [Description("The group's other members, by name.")]
    public IReadOnlyList<string>? Members { get; init; }

    /// <summary>The units it covers.</summary>
    [PlanRequired, Description("The units the group covers: listed, of some kinds, or a body's subtree.")]
    public CoversUnitsSpec Covers { get; init; } = new();
}
