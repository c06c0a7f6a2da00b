using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Rollups;

/// <summary>How far behind a unit is on a day, read from its tallies of open violations.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Kind">Its kind (<c>unit.kind</c> of its plan), or null.</param>
/// <param name="OpenViolations">Its open violations (of the plan version it runs).</param>
/// <param name="DaysOverdue">Days from the end of the earliest period one of them judges to the day; 0 when none is open.</param>
/// <param name="EarliestDue">The last day of that period, or null when none is open.</param>
public sealed record UnitStanding(CampaignUnit Unit, string? Kind, int OpenViolations, int DaysOverdue, DateOnly? EarliestDue);
