using CampaignFlow.Campaigns.Queries;

namespace CampaignFlow.Cli.Violations;

/// <summary>One page of violations, in the shape of the API's <c>GET /violations</c> answer, whichever source it came from.</summary>
/// <param name="Total">How many match in all.</param>
/// <param name="Offset">How many were skipped.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Items">This page.</param>
internal sealed record ViolationPageView(int Total, int Offset, int Limit, IReadOnlyList<ViolationView> Items);
