namespace CampaignFlow.Campaigns.Service;

/// <summary>A phase (or a link inside one) of a unit's campaign.</summary>
/// <param name="Id">The phase id.</param>
/// <param name="Title">Its title.</param>
/// <param name="ParentId">The phase it is a link of, or null for a top-level phase.</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last day.</param>
/// <param name="Status"><c>pending</c> (not open yet), <c>open</c> or <c>closed</c>.</param>
public sealed record PhaseState(string Id, string Title, string? ParentId, DateOnly Start, DateOnly End, string Status);
