using System.ComponentModel;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// A set of people: by role, optionally by rank, or named; written <c>leadership</c> or
/// <c>{ role: party-member, exceptRank: [县级] }</c>.
/// </summary>
public sealed record PeopleSelector : PlanNode
{
    /// <summary>The role everyone selected holds.</summary>
    [Shorthand, Description("The role everyone selected holds, e.g. leadership, party-member, principal.")]
    public string? Role { get; init; }

    /// <summary>Only people of these ranks.</summary>
    [Description("Only people of these ranks, e.g. [县级].")]
    public IReadOnlyList<string>? Rank { get; init; }

    /// <summary>Everyone but people of these ranks ("其他党员干部").</summary>
    [Description("Everyone selected except people of these ranks (其他党员干部).")]
    public IReadOnlyList<string>? ExceptRank { get; init; }

    /// <summary>Named people, by roster id.</summary>
    [Description("Named people, by roster id.")]
    public IReadOnlyList<string>? People { get; init; }

    /// <summary>People related to each person of the other side of a coverage.</summary>
    [Description("People chosen relative to each person on the other side: overseen-department-heads, own-department-members, own-branch-members.")]
    public Relation? Relation { get; init; }
}
