using CampaignFlow.Campaigns.Rollups;

namespace CampaignFlow.Server.Api.Compliance;

/// <summary>The answer of <c>GET /bodies/{body}/compliance/history</c>: the body's open violations at the end of each day.</summary>
/// <param name="Body">The body.</param>
/// <param name="Days">Every day from the first to the last, with the open count at its end.</param>
public sealed record OpenHistoryView(string Body, IReadOnlyList<OpenViolationsOnDay> Days);
