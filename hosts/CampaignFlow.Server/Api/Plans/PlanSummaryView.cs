namespace CampaignFlow.Server.Api.Plans;

/// <summary>A running plan in the list of plans.</summary>
/// <param name="Id">The plan id.</param>
/// <param name="Version">The version running.</param>
/// <param name="Title">Its title.</param>
/// <param name="Unit">The unit it runs for.</param>
/// <param name="UnitName">The unit's name.</param>
/// <param name="Body">The body above the unit.</param>
/// <param name="Supervisor">The supervision group.</param>
public sealed record PlanSummaryView(string Id, int Version, string Title, string Unit, string UnitName, string? Body, string? Supervisor);
