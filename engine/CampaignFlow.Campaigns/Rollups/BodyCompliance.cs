namespace CampaignFlow.Campaigns.Rollups;

/// <summary>
/// A body's roll-up on a day: the units under it by the requirements of their plans, each cell met, pending or
/// violated, with totals per requirement (column), per unit (row) and overall; one page of the rows.
/// </summary>
/// <param name="Body">The body's id.</param>
/// <param name="Name">
/// The body's name, as readers see it (中共许昌市委 for <c>xuchang-city</c>): its own plan's, or its line's in an
/// organisation file; null when nothing names it.
/// </param>
/// <param name="At">The day it stands at (at its end).</param>
/// <param name="Kind">The unit kind it was narrowed to, or null.</param>
/// <param name="Phase">The phase it was narrowed to, or null.</param>
/// <param name="Requirements">The columns: every requirement of the units' plans (narrowed to the phase), in plan order.</param>
/// <param name="Totals">Every cell of every unit counted.</param>
/// <param name="TotalUnits">How many units the roll-up counts (every page).</param>
/// <param name="UnitsBehind">How many of them have an open violation.</param>
/// <param name="Offset">Rows skipped.</param>
/// <param name="Limit">At most this many rows.</param>
/// <param name="Rows">This page of the units.</param>
public sealed record BodyCompliance(
    string Body,
    string? Name,
    DateOnly At,
    string? Kind,
    string? Phase,
    IReadOnlyList<RequirementColumn> Requirements,
    ComplianceCounts Totals,
    int TotalUnits,
    int UnitsBehind,
    int Offset,
    int Limit,
    IReadOnlyList<UnitComplianceRow> Rows);
