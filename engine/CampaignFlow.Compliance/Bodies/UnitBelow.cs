namespace CampaignFlow.Compliance.Bodies;

/// <summary>A unit below a body, as a body's requirements over its units count it.</summary>
/// <param name="Id">The unit's id (its records carry it).</param>
/// <param name="Name">The unit's name, for the evidence auditors read.</param>
/// <param name="Kind">The unit's kind, or null when it has none.</param>
/// <param name="Group">The supervision group that covers it (id and name), or null.</param>
public sealed record UnitBelow(string Id, string Name, string? Kind, (string Id, string Name)? Group = null)
{
    /// <summary>
    /// The people of the unit's roster, for requirements over the members below; empty for a unit counted as a whole
    /// (one on its template without a roster).
    /// </summary>
    public IReadOnlyList<MemberBelow> Members { get; init; } = [];
}
