namespace CampaignFlow.Campaigns.Rollups;

/// <summary>How many cells of a roll-up are met, pending and violated, and how many violations are open behind them.</summary>
/// <param name="Met">Cells met.</param>
/// <param name="Pending">Cells pending.</param>
/// <param name="Violated">Cells violated.</param>
/// <param name="OpenViolations">Open violations behind the violated cells.</param>
public sealed record ComplianceCounts(int Met, int Pending, int Violated, int OpenViolations);
