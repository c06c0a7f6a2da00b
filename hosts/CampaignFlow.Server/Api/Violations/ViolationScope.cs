using CampaignFlow.Campaigns.Filtering;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>
/// Which units a violations query may look in, for <c>GET /violations</c> and the console's violations page alike:
/// one unit the caller may read; every unit under a body, all of them the caller's; or, with neither, every unit the
/// caller may read. Kept in one place so the page and the API can never disagree on what a token sees.
/// </summary>
/// <param name="units">The running units.</param>
public sealed class ViolationScope(UnitDirectory units)
{
    /// <summary>The units <paramref name="filter"/> looks in for <paramref name="caller"/>.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="filter">The checked query.</param>
    public ViolationUnits Resolve(Caller caller, ViolationFilter filter)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Unit is { } unitId)
        {
            if (units.Find(unitId) is not { } unit)
            {
                return new ViolationUnits(null, Unknown: unitId);
            }

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
}
