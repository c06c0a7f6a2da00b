namespace CampaignFlow.Plans.Resolution;

/// <summary>The unit a resolved plan is for.</summary>
/// <param name="Id">The unit's id, e.g. <c>panyu-ftu</c>.</param>
/// <param name="Name">The unit's name, e.g. 番禺区总工会.</param>
/// <param name="Kind">The kind of unit, one of the parent plan's unit kinds; null when the plan names none.</param>
/// <param name="Parent">The id of the body above, or null.</param>
public sealed record ResolvedUnit(string Id, string Name, string? Kind, string? Parent);
