namespace CampaignFlow.Campaigns.Storage;

/// <summary>One page of a violation query.</summary>
/// <param name="Items">The rows of this page.</param>
/// <param name="Total">How many rows match in all.</param>
public sealed record ViolationPage(IReadOnlyList<StoredViolation> Items, int Total);
