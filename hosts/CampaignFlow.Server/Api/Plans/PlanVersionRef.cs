namespace CampaignFlow.Server.Api.Plans;

/// <summary>One published version of a plan.</summary>
/// <param name="Plan">The plan id.</param>
/// <param name="Version">Its version.</param>
/// <param name="PublishedAt">When it was published (the plan's version as resolved then), or null when not known.</param>
public sealed record PlanVersionRef(string Plan, int Version, DateTimeOffset? PublishedAt = null);
