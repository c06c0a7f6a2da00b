namespace CampaignFlow.Server.Api.Groups;

/// <summary>A supervision group's page of work: totals over all its units, and one page of them.</summary>
/// <param name="Group">The group.</param>
/// <param name="TotalUnits">How many running units it covers (every page).</param>
/// <param name="WaitingForReview">How many approvals wait for it, over all its units.</param>
/// <param name="OpenViolations">How many violations of its units are open, over all of them.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="PageSize">Units per page.</param>
/// <param name="Units">
/// This page of its units: those with the most approvals waiting for the group first, then the most actions to be
/// held again, then the most open violations, then as the group lists them.
/// </param>
public sealed record GroupWorkView(GroupView Group, int TotalUnits, int WaitingForReview, int OpenViolations, int Page, int PageSize, IReadOnlyList<GroupUnitWork> Units)
{
    /// <summary>How many actions its units must hold again, over all of them (<see cref="GroupUnitWork.MustHoldAgain"/>).</summary>
    public int MustHoldAgain { get; init; }

    /// <summary>How many pages the units fill (at least 1).</summary>
    public int Pages => Math.Max(1, (int)(((long)TotalUnits + PageSize - 1) / PageSize));
}
