namespace CampaignFlow.Plans.Resolution;

/// <summary>One person of a unit's roster, checked against the plan's vocabulary.</summary>
public sealed record Person
{
    /// <summary>The person's id, unique in the roster, e.g. <c>su-zhibang</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The person's name, e.g. 苏治邦.</summary>
    public required string Name { get; init; }

    /// <summary>The person's post as written, e.g. 党组书记、主席, or null.</summary>
    public string? Post { get; init; }

    /// <summary>The person's roles, built-in or declared by the plan; empty when the roster names none.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The person's rank, e.g. 县级, or null.</summary>
    public string? Rank { get; init; }

    /// <summary>The id of the party branch the person belongs to, or null.</summary>
    public string? Branch { get; init; }

    /// <summary>The id of the department the person works in (or heads), or null.</summary>
    public string? Department { get; init; }

    /// <summary>For leadership members: the ids of the departments they oversee (分管); otherwise empty.</summary>
    public IReadOnlyList<string> Oversees { get; init; } = [];

    /// <summary>The person's contact point (联系点), or null.</summary>
    public string? ContactPoint { get; init; }
}
