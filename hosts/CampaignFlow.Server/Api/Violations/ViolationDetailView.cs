using CampaignFlow.Campaigns.Queries;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>One violation with its history (opened, changed, resolved, reopened).</summary>
/// <param name="Violation">The violation and its evidence.</param>
/// <param name="History">What happened to it, oldest first.</param>
public sealed record ViolationDetailView(ViolationView Violation, IReadOnlyList<ViolationEventView> History);
