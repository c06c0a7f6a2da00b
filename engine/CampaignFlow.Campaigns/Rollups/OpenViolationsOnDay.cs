namespace CampaignFlow.Campaigns.Rollups;

/// <summary>How many violations of a body's units were open at the end of a day.</summary>
/// <param name="Day">The day.</param>
/// <param name="Open">Open violations at its end.</param>
public sealed record OpenViolationsOnDay(DateOnly Day, int Open);
