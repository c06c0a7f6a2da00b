namespace CampaignFlow.Campaigns.Rollups;

/// <summary>A requirement of a roll-up (a column): which it is, and how many of the units that have it met it, are pending, violate it.</summary>
/// <param name="Id">The requirement's id (the same in every plan built on one template).</param>
/// <param name="Title">Its action's title, as the first plan that has it says.</param>
/// <param name="Phase">Its phase, or null for a campaign-wide action.</param>
/// <param name="Units">The totals over the units whose plans have it.</param>
public sealed record RequirementColumn(string Id, string Title, string? Phase, ComplianceCounts Units);
