using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>
/// Who may see a supervision group's work and what that work is: <c>GET /groups/{id}</c> and the console's group
/// page both ask here, so the two can never disagree about either.
/// </summary>
public static class GroupWork
{
    /// <summary>
    /// True for the group's own reviewers, administrators and auditors of every unit, and auditors who may read every
    /// unit the group covers.
    /// </summary>
    /// <param name="caller">The reader.</param>
    /// <param name="group">The group.</param>
    /// <param name="service">The running campaigns.</param>
    public static bool MaySee(Caller caller, SupervisionGroup group, CampaignService service)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(service);
        return caller.ReadsAll
               || IsOwn(caller, group)
               || (caller.Grant.Role == AccessRole.Auditor && group.Units.All(u => service.FindUnit(u) is not { } unit || caller.CanRead(unit)));
    }

    /// <summary>True when <paramref name="caller"/> reviews for <paramref name="group"/> (its token names the group, or the group's name).</summary>
    /// <param name="caller">The reader.</param>
    /// <param name="group">The group.</param>
    public static bool IsOwn(Caller caller, SupervisionGroup group)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(group);
        return caller.Grant.Role == AccessRole.Reviewer
               && (caller.Grant.Group == group.Id || (caller.Grant.Group is null && caller.Grant.Supervisor == group.Name));
    }

    /// <summary>
    /// The group's page of work: its running units, each with the approvals waiting for the group, the actions it must
    /// hold again and its open violations, those with the most approvals waiting first, then the most to hold again,
    /// then the most open violations; the totals count every
    /// unit, the units listed are one page of them.
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="service">The running campaigns.</param>
    /// <param name="paging">Which page.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<GroupWorkView> OfAsync(SupervisionGroup group, CampaignService service, GroupWorkPaging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(paging);
        // A group covers units of the files; one whose plan failed to load runs nothing and has no work to show.
        var covered = group.Units.Select(service.FindUnit).OfType<CampaignUnit>().ToArray();
        // A group of thousands of units: their open violations from the roll-ups' tallies, and the states (for the
        // gates waiting, the meetings to hold again) of only the units whose plan has a gate the group approves or an
        // action that may be held again, read at once.
        var open = await service.CountOpenViolationsAsync(covered.Select(u => u.Id).ToArray(), cancellationToken).ConfigureAwait(false);
        var states = await service.GetStatesAsync(covered.Where(u => SupervisorGates.MayWaitIn(service, u) || service.MayHoldAgain(u.Id)).Select(u => u.Id).ToArray(), cancellationToken).ConfigureAwait(false);
        var units = new List<GroupUnitWork>();
        foreach (var unit in covered)
        {
            if (open.TryGetValue(unit.Id, out var count))
            {
                var state = states.GetValueOrDefault(unit.Id);
                units.Add(new GroupUnitWork(unit, state is null ? [] : SupervisorGates.WaitingIn(state), count, state is null ? [] : HeldAgain.In(state)));
            }
        }

        // OrderBy is stable: units alike stay in the group's order, so pages neither repeat nor skip one.
        var page = units.OrderByDescending(u => u.WaitingForReview.Count).ThenByDescending(u => u.MustHoldAgain.Count).ThenByDescending(u => u.OpenViolations)
            .Skip(paging.Skip).Take(paging.PageSize).ToArray();
        return new GroupWorkView(GroupView.Of(group, service), units.Count, units.Sum(u => u.WaitingForReview.Count), units.Sum(u => u.OpenViolations), paging.Page, paging.PageSize, page)
        {
            MustHoldAgain = units.Sum(u => u.MustHoldAgain.Count),
        };
    }
}
