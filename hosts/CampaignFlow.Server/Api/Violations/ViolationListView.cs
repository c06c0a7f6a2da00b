using CampaignFlow.Campaigns.Queries;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>One page of violations.</summary>
/// <param name="Total">How many match in all.</param>
/// <param name="Offset">How many were skipped.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Items">This page.</param>
public sealed record ViolationListView(int Total, int Offset, int Limit, IReadOnlyList<ViolationView> Items);
