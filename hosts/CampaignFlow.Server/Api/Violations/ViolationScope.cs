using CampaignFlow.Campaigns.Filtering;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>
/// Which units a violations query may look in, for <c>GET /violations</c> and the console's violations page alike:
/// one unit the caller may read; every unit under a body, all of them the caller's; or, with neither, every unit the
/// caller may read. Kept in one place so the page and the API can never disagree on what a token sees.
/// </summary>
/// <param name="units">The running units.</param>
/// <param name="running">The campaign service, for the plans.</param>
public sealed class ViolationScope(UnitDirectory units, RunningCampaigns running)
{
    /// <summary>The units <paramref name="filter"/> looks in for <paramref name="caller"/>.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="filter">The checked query.</param>
    public ViolationUnits Resolve(Caller caller, ViolationFilter filter)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        if (Unknown(filter) is { } unknown)
        {
            return new ViolationUnits(null, Unknown: unknown);
        }

        if (filter.Unit is { } unitId)
        {
            var unit = units.Find(unitId)!;

            if (!caller.CanRead(unit))
            {
                return new ViolationUnits(null, Forbidden: unit.Id);
            }

            // A unit outside the body asked for matches nothing, which is an empty answer, not an error.
            return new ViolationUnits(filter.Body is { } body && !units.IsUnder(unit, body) ? [] : [unit.Id]);
        }

        if (filter.Body is { } under)
        {
            var inBody = units.Under(under);
            return inBody.FirstOrDefault(u => !caller.CanRead(u)) is { } foreign
                ? new ViolationUnits(null, Forbidden: foreign.Id)
                : new ViolationUnits(inBody.Select(u => u.Id).ToArray());
        }

        return new ViolationUnits(caller.ReadsAll ? null : caller.ReadableUnits().Select(u => u.Id).ToArray());
    }

    // The first id the filter names that does not exist, checked before the caller's rights as GET /units/{unit} and
    // GET /bodies/{body}/compliance check them; a body is known when a running unit is under it, as those say.
    private UnknownFilter? Unknown(ViolationFilter filter) =>
        filter.Unit is { } unit && units.Find(unit) is null ? new UnknownFilter("unknown-unit", unit)
        : filter.Body is { } body && units.Under(body).Count == 0 ? new UnknownFilter("unknown-body", body)
        : filter.Plan is { } plan && running.Service.FindPlan(plan) is null ? new UnknownFilter("unknown-plan", plan)
        : null;
}
