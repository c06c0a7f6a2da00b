using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>A supervision groups file (<c>*.groups.yaml</c>): each group, its leader and members, the units it covers.</summary>
[Description("Supervision groups (督导组), each with its leader, members and the units it covers (a *.groups.yaml file).")]
public sealed record GroupsDocument : PlanNode
{
    /// <summary>The groups.</summary>
    [PlanRequired, Description("The supervision groups.")]
    public IReadOnlyList<GroupSpec> Groups { get; init; } = [];
}
