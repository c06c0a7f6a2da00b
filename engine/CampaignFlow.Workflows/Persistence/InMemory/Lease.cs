namespace CampaignFlow.Workflows.Persistence.InMemory;

/// <summary>A claim on a timer or inbox item: who holds it and until when.</summary>
internal readonly record struct Lease(string ClaimerId, DateTimeOffset Until);
