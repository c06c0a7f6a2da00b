namespace CampaignFlow.Server.Api.Plans;

/// <summary>One published version of a plan.</summary>
/// <param name="Plan">The plan id.</param>
/// <param name="Version">Its version.</param>
public sealed record PlanVersionRef(string Plan, int Version);
