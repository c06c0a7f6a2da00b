namespace CampaignFlow.Server.Api.Plans;

/// <summary>A plan in the list of plans: one a unit runs, or a template the units below it are built on.</summary>
/// <param name="Id">The plan id.</param>
/// <param name="Version">The version running.</param>
/// <param name="Title">Its title.</param>
/// <param name="Unit">The unit it runs for (for a template: the body whose plan it is).</param>
/// <param name="UnitName">The unit's name.</param>
/// <param name="Body">The body above the unit.</param>
/// <param name="Supervisor">The supervision group.</param>
/// <param name="Template">True for a plan other plans inherit: no campaign runs on it alone, the units below run theirs on it.</param>
public sealed record PlanSummaryView(string Id, int Version, string Title, string Unit, string UnitName, string? Body, string? Supervisor, bool Template);
