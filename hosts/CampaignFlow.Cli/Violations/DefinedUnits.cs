using System.Globalization;
using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Filtering;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Diagnostics;
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
    /// <exception cref="DefinitionsException">The folder is missing or its plans have errors: the tree would be wrong.</exception>
    public static OrganisationTree Load(string definitions)
    {
        // Checked here, not left to the catalogue's diagnostics: a missing folder loads as no units at all, and every
        // --body would then silently match nothing.
        if (!Directory.Exists(definitions) && !File.Exists(definitions))
        {
            throw new DefinitionsException("definitions-missing", definitions);
        }

        var catalog = PlanCatalog.Load([definitions]);
        if (catalog.HasErrors)
        {
            // A server does not start on plans with errors, so no tree drawn from them is the one it runs.
            var errors = catalog.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            throw new DefinitionsException("definitions-errors", definitions, errors.ToString(CultureInfo.InvariantCulture));
        }

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
        var names = catalog.Organisation.Units
            .Where(u => !units.ContainsKey(u.Id))
            .GroupBy(u => u.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return new OrganisationTree([.. units.Values], parents, names);
    }

    /// <summary>
    /// The unit ids <paramref name="filter"/> looks in: its unit (none when that unit is not under its body), every unit
    /// under its body, or null for every unit. The definitions are read only for a <c>--unit</c> or <c>--body</c>
    /// filter, so a data folder's whole list needs none.
    /// </summary>
    /// <exception cref="DefinitionsException">
    /// The definitions cannot be read, or the unit or body is not in them: the server would answer 404 unknown-unit for
    /// such a unit, and an empty list would hide the mistake.
    /// </exception>
    public static IReadOnlyCollection<string>? Scope(ViolationFilter filter, string definitions)
    {
        if (filter.Unit is null && filter.Body is null)
        {
            return null;
        }

        var tree = Load(definitions);
        if (filter.Unit is { } unitId && tree.Find(unitId) is null)
        {
            throw new DefinitionsException("violations-unknown-unit", unitId);
        }

        if (filter.Body is not { } body)
        {
            return [filter.Unit!];
        }

        var under = tree.Under(body);
        if (under.Count == 0)
        {
            throw new DefinitionsException("violations-unknown-body", body);
        }

        if (filter.Unit is { } inBody)
        {
            return tree.IsUnder(tree.Find(inBody)!, body) ? [inBody] : [];
        }

        return [.. under.Select(u => u.Id)];
    }
}
