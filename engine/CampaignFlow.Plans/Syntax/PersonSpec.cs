using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>One person of a unit's roster.</summary>
public sealed record PersonSpec : PlanNode
{
    /// <summary>The person's id, unique in the roster.</summary>
    [PlanRequired, Description("The person's id, unique in the roster, e.g. su-zhibang.")]
    public string Id { get; init; } = "";

    /// <summary>The person's name.</summary>
    [PlanRequired, Description("The person's name, e.g. 苏治邦.")]
    public string Name { get; init; } = "";

    /// <summary>The person's post, e.g. 党组书记、主席.</summary>
    [Description("The person's post as written, e.g. 党组书记、主席.")]
    public string? Post { get; init; }

    /// <summary>The person's roles.</summary>
    [Description("Roles: principal, leadership, party-member, department-head, branch-secretary, or a role the plan declares.")]
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>The person's rank, e.g. 县级.</summary>
    [Description("The person's rank, e.g. 县级, 科级.")]
    public string? Rank { get; init; }

    /// <summary>The party branch the person belongs to.</summary>
    [Description("The party branch (支部) id the person belongs to.")]
    public string? Branch { get; init; }

    /// <summary>The department the person works in (or heads).</summary>
    [Description("The department id the person works in, or heads.")]
    public string? Department { get; init; }

    /// <summary>For leadership members: the departments they oversee (分管).</summary>
    [Description("For leadership members: the department ids they oversee (分管).")]
    public IReadOnlyList<string>? Oversees { get; init; }

    /// <summary>The person's contact point (联系点).</summary>
    [Description("The person's contact point (联系点), e.g. a township or an enterprise.")]
    public string? ContactPoint { get; init; }
}
