namespace CampaignFlow.Server.Api.Groups;

/// <summary>A supervision group's page of work.</summary>
/// <param name="Group">The group.</param>
/// <param name="Units">Its units, those with the most approvals waiting for the group first, then by open violations.</param>
public sealed record GroupWorkView(GroupView Group, IReadOnlyList<GroupUnitWork> Units);
