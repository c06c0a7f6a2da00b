using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Rollups;

/// <summary>A unit of a roll-up (a row): its totals, how far behind it is, and its cells.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Kind">Its kind (<c>unit.kind</c> of its plan), or null.</param>
/// <param name="Totals">Its cells counted, and its open violations of those requirements.</param>
/// <param name="DaysOverdue">Days from the end of the earliest period one of those open violations judges to the roll-up's day; 0 when none is open.</param>
/// <param name="Cells">Its status on each requirement, in the order of <see cref="BodyCompliance.Requirements"/>; null where its plan has no such requirement.</param>
public sealed record UnitComplianceRow(CampaignUnit Unit, string? Kind, ComplianceCounts Totals, int DaysOverdue, IReadOnlyList<ComplianceStatus?> Cells);
