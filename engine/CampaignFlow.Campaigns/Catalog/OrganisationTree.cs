using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Catalog;

/// <summary>
/// The running units in their hierarchy: a unit is under a body when the body is its parent, or its parent's parent
/// through the units in between (西关街道 → 魏都区委 → 许昌市). Indexed both ways, so finding a unit, the bodies above
/// it and the units under a body never scans every unit.
/// </summary>
/// <threadsafety>Immutable once built; safe for concurrent readers.</threadsafety>
public sealed class OrganisationTree
{
    private readonly Dictionary<string, CampaignUnit> _byId;
    private readonly Dictionary<string, int> _order;
    private readonly Dictionary<string, List<CampaignUnit>> _children;

    /// <summary>Builds the tree of <paramref name="units"/> (one entry per unit id).</summary>
    /// <param name="units">The running units, in the order <see cref="All"/> keeps.</param>
    public OrganisationTree(IReadOnlyList<CampaignUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        All = units;
        _byId = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _order = units.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _children = new Dictionary<string, List<CampaignUnit>>(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => u.Body is not null))
        {
            if (!_children.TryGetValue(unit.Body!, out var list))
            {
                _children[unit.Body!] = list = [];
            }

            list.Add(unit);
        }
    }

    /// <summary>Every running unit.</summary>
    public IReadOnlyList<CampaignUnit> All { get; }

    /// <summary>The unit, or null when no campaign runs for it.</summary>
    /// <param name="unitId">The unit's id.</param>
    public CampaignUnit? Find(string unitId) => _byId.GetValueOrDefault(unitId);

    /// <summary>The bodies above <paramref name="unit"/>, nearest first.</summary>
    /// <param name="unit">The unit.</param>
    public IEnumerable<string> BodiesAbove(CampaignUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
        for (var body = unit.Body; body is not null && seen.Add(body); body = Find(body)?.Body)
        {
            yield return body;
        }
    }

    /// <summary>True when <paramref name="body"/> is the unit itself or a body above it.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="body">A body's id.</param>
    public bool IsUnder(CampaignUnit unit, string body) => unit.Id == body || BodiesAbove(unit).Contains(body, StringComparer.Ordinal);

    /// <summary>The units under <paramref name="body"/> (including a unit whose id it is), in the order of <see cref="All"/>.</summary>
    /// <param name="body">A body's id.</param>
    public IReadOnlyList<CampaignUnit> Under(string body)
    {
        var found = new List<CampaignUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (Find(body) is { } itself && seen.Add(itself.Id))
        {
            found.Add(itself);
        }

        var pending = new Queue<string>([body]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var child in _children.GetValueOrDefault(next) ?? [])
            {
                if (seen.Add(child.Id))
                {
                    found.Add(child);
                    pending.Enqueue(child.Id);
                }
            }
        }

        return found.OrderBy(u => _order[u.Id]).ToArray();
    }
}
