using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>The people of a unit, with its branches and departments; inline or in a file of its own.</summary>
public sealed record RosterSpec : PlanNode
{
    /// <summary>A roster file, relative to the plan, holding the rest of this mapping.</summary>
    [Shorthand, Description("A roster file, relative to the plan; it holds people, branches and departments.")]
    public string? File { get; init; }

    /// <summary>The party branches (支部), by id.</summary>
    [Description("The party branches (支部), by id, with their names.")]
    public IReadOnlyDictionary<string, string>? Branches { get; init; }

    /// <summary>The departments (部室), by id.</summary>
    [Description("The departments (部室), by id, with their names.")]
    public IReadOnlyDictionary<string, string>? Departments { get; init; }

    /// <summary>The people.</summary>
    [Description("The people, with their roles, rank, branch and department.")]
    public IReadOnlyList<PersonSpec>? People { get; init; }
}
