using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Loading;

namespace CampaignFlow.Cli.Violations;

/// <summary>
/// The units of a definitions folder in their hierarchy, as a server started on that folder runs them: each plan's unit
/// and each unit of the organisation files on its kind's template. A data folder's violations carry each unit's id but
/// not the bodies above it, so <c>--body</c> without a server is answered from here.
/// </summary>
internal static class DefinedUnits
{
    /// <summary>The tree of the units the plans and organisation files under <paramref name="definitions"/> name.</summary>
    public static OrganisationTree Load(string definitions)
    {
        var catalog = PlanCatalog.Load([definitions]);
        var units = new Dictionary<string, CampaignUnit>(StringComparer.Ordinal);
        // A unit with several plans runs the first by plan id, as the server runs it.
        foreach (var plan in catalog.Plans.Values.Where(p => p.Template is null).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            units.TryAdd(plan.Unit.Id, new CampaignUnit(plan.Unit.Id, plan.Unit.Name, plan.Unit.Parent, plan.Supervisor, plan.Id, plan.Version, plan.Title, plan.Unit.Kind));
        }

        foreach (var (unit, template) in catalog.Organisation.UnitsOnTemplates)
        {
            units.TryAdd(unit.Id, new CampaignUnit(unit.Id, unit.Name, unit.Parent, null, template, 1, unit.Name, unit.Kind));
        }

        var parents = catalog.Organisation.Units
            .Where(u => u.Parent is not null && !units.ContainsKey(u.Id))
            .GroupBy(u => u.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Parent!, StringComparer.Ordinal);
        return new OrganisationTree([.. units.Values], parents);
    }

    /// <summary>
    /// The unit ids <paramref name="filter"/> looks in: its unit (none when that unit is not under its body), every unit
    /// under its body, or null for every unit.
    /// </summary>
    public static IReadOnlyCollection<string>? Scope(ViolationFilter filter, string definitions)
    {
        if (filter.Unit is null && filter.Body is null)
        {
            return null;
        }

        if (filter.Body is not { } body)
        {
            return [filter.Unit!];
        }

        var tree = Load(definitions);
        if (filter.Unit is { } unitId)
        {
            return tree.Find(unitId) is { } unit && tree.IsUnder(unit, body) ? [unitId] : [];
        }

        return [.. tree.Under(body).Select(u => u.Id)];
    }
}
