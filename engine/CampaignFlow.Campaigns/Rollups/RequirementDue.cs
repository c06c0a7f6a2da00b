namespace CampaignFlow.Campaigns.Rollups;

/// <summary>A requirement of a plan version as a roll-up needs it: what to show, and the day its last period ends.</summary>
/// <param name="Id">The requirement's id.</param>
/// <param name="Title">Its action's title.</param>
/// <param name="Phase">Its phase, or null.</param>
/// <param name="LastEnd">The last day of its last period in the due schedule: after it, every period has closed.</param>
internal sealed record RequirementDue(string Id, string Title, string? Phase, DateOnly LastEnd);
