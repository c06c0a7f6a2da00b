using System.Globalization;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// What the violations list's filters may name for a reader, each by its name or title: the filters take ids
/// (<c>weekly-study:period-minimum</c>), which an auditor reads off no document.
/// </summary>
/// <param name="Units">The units the reader may read.</param>
/// <param name="Bodies">The bodies all of whose units the reader may read (the filter asks no more).</param>
/// <param name="Plans">The running plans the reader may read.</param>
/// <param name="Phases">Those plans' phases, sub-phases included.</param>
/// <param name="Requirements">Those plans' requirements, stated in the plan's words.</param>
public sealed record ViolationFilterChoices(
    IReadOnlyList<FilterChoice> Units,
    IReadOnlyList<FilterChoice> Bodies,
    IReadOnlyList<FilterChoice> Plans,
    IReadOnlyList<FilterChoice> Phases,
    IReadOnlyList<FilterChoice> Requirements)
{
    // A suggestion list helps a reader of a few hundred; for a province's units it would be megabytes on every page.
    private const int MaxChoices = 300;

    /// <summary>The choices of one reader.</summary>
    /// <param name="caller">The reader.</param>
    /// <param name="units">The running units.</param>
    /// <param name="plans">The running plans (every version).</param>
    /// <param name="culture">The reader's language.</param>
    public static ViolationFilterChoices For(Caller caller, UnitDirectory units, IReadOnlyList<ResolvedPlan> plans, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(plans);
        var readable = caller.ReadsAll ? units.All : caller.ReadableUnits();
        // Every body above a readable unit whose units the reader all reads, as the home page lists them. Counted first:
        // checking every unit under a few hundred bodies is what costs, and over the limit none is offered anyway.
        var above = readable.SelectMany(units.BodiesAbove).Distinct(StringComparer.Ordinal).Take(MaxChoices + 1).ToArray();
        var bodies = above.Length > MaxChoices
            ? []
            : above.Where(body => caller.ReadsAll || units.Under(body).All(caller.CanRead)).Select(body => new FilterChoice(body, units.NameOf(body)));
        // The newest version first, so that a title or statement changed by a version is read as it is now.
        var readablePlans = plans.Where(p => caller.CanReadPlan(p.Id, p.Unit.Id)).OrderByDescending(p => p.Version).ToArray();
        return new ViolationFilterChoices(
            Capped(readable.Select(u => new FilterChoice(u.Id, u.Name))),
            Capped(bodies),
            Capped(readablePlans.Select(p => new FilterChoice(p.Id, p.Title))),
            Capped(readablePlans.SelectMany(p => p.AllPhases).Select(phase => new FilterChoice(phase.Id, phase.Title))),
            Capped(readablePlans.SelectMany(p => p.Requirements.Select(r => new FilterChoice(r.Id, PlanResolver.Describe(r, p, culture))))));
    }

    private static FilterChoice[] Capped(IEnumerable<FilterChoice> choices)
    {
        var distinct = choices.DistinctBy(c => c.Value, StringComparer.Ordinal).Take(MaxChoices + 1).ToArray();
        return distinct.Length > MaxChoices ? [] : [.. distinct.OrderBy(c => c.Value, StringComparer.Ordinal)];
    }
}
