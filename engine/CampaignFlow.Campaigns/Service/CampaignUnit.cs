namespace CampaignFlow.Campaigns.Service;

/// <summary>A unit whose campaign runs: who it is and which plan version it runs.</summary>
/// <param name="Id">The unit's id (the plan's <c>unit.id</c>).</param>
/// <param name="Name">The unit's name.</param>
/// <param name="Body">The body it belongs to (the plan's <c>unit.parent</c>), if any.</param>
/// <param name="Supervisor">Its supervision group's name (the group covering it, or its plan's <c>supervisor</c>), if any.</param>
/// <param name="PlanId">The plan it runs.</param>
/// <param name="PlanVersion">The plan version it runs.</param>
/// <param name="Title">The plan's title.</param>
/// <param name="Kind">The kind of unit (one of the body's <c>unitKinds</c>), if any.</param>
/// <param name="Group">
/// The id of the supervision group that covers it (a groups file), if any; <paramref name="Supervisor"/> is then the
/// group's name.
/// </param>
public sealed record CampaignUnit(string Id, string Name, string? Body, string? Supervisor, string PlanId, int PlanVersion, string Title, string? Kind = null, string? Group = null);
