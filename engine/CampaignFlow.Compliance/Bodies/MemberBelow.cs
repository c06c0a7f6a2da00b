namespace CampaignFlow.Compliance.Bodies;

/// <summary>A person of a unit below a body, as a body's requirement over the members below counts them.</summary>
/// <param name="Id">The person's roster id (the unit's records name participants by it).</param>
/// <param name="Name">The person's name, for the evidence auditors read.</param>
/// <param name="Roles">The person's roles.</param>
/// <param name="Rank">The person's rank, or null.</param>
public sealed record MemberBelow(string Id, string Name, IReadOnlyList<string> Roles, string? Rank);
