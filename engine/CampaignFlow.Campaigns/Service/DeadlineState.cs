namespace CampaignFlow.Campaigns.Service;

/// <summary>A period or deadline not closed yet: its requirement is judged the day after <paramref name="Ends"/>.</summary>
/// <param name="RequirementId">The requirement.</param>
/// <param name="ActionId">Its action.</param>
/// <param name="Period">The period (<c>2014-W10</c>, <c>2014-05</c>, <c>window</c>, <c>by 2014-02-28</c>…).</param>
/// <param name="Target">The person, branch or department, or null for the unit.</param>
/// <param name="Ends">The period's last day.</param>
public sealed record DeadlineState(string RequirementId, string ActionId, string Period, string? Target, DateOnly Ends);
