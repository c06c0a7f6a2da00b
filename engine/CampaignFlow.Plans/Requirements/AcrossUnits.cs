using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>
/// A body's requirement counted over the units below it rather than for the body itself: each unit of
/// <see cref="Kinds"/> is judged by the requirement as if it were its own, and the body's requirement is met when
/// enough of them meet it.
/// </summary>
/// <param name="Kinds">The kinds of unit counted; empty for every unit below the body.</param>
/// <param name="Share">The share of the units counted that must meet it; null for every one.</param>
/// <param name="AfterBody">Each unit must do it within this time after the body's own first record of it; null when the body's own does not matter.</param>
/// <param name="PerGroup">
/// True when it is judged for each supervision group of the body over the units the group covers: the body's
/// service makes the groups its targets (one period per group), as a person is the target of a per-person requirement.
/// </param>
public sealed record AcrossUnits(IReadOnlyList<string> Kinds, Fraction? Share, Quantity? AfterBody, bool PerGroup = false)
{
    /// <summary>
    /// The members of the units below that are counted, each judged as a person of its unit (its share is then of
    /// members, not of units: 下级单位党员干部都要…); null when each unit is counted as a whole.
    /// </summary>
    public MemberFilter? Members { get; init; }

    /// <summary>True when a unit of <paramref name="kind"/> is counted.</summary>
    /// <param name="kind">A unit's kind, or null when it has none.</param>
    public bool Counts(string? kind) => Kinds.Count == 0 || (kind is not null && Kinds.Contains(kind, StringComparer.Ordinal));
}
