namespace CampaignFlow.Campaigns.Rollups;

/// <summary>A body's roll-up and its units ranked by how far behind they are, from one read of the tallies.</summary>
/// <param name="Compliance">The roll-up, as <see cref="ComplianceRollups.GetComplianceAsync"/> gives it.</param>
/// <param name="Behind">The units of the roll-up's kind, most behind first, on the roll-up's day, as <see cref="ComplianceRollups.RankBehindAsync"/> ranks them.</param>
public sealed record ComplianceOverview(BodyCompliance Compliance, IReadOnlyList<UnitStanding> Behind);
