using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Organisation;

namespace CampaignFlow.Campaigns.Catalog;

/// <summary>
/// The running units in their hierarchy: a unit is under a body when the body is its parent, or its parent's parent
/// through the bodies in between (西关街道 → 魏都区委 → 许昌市), whether those run a campaign themselves or are only
/// known from a plan (许昌市, which 魏都区委's plan names as its parent, runs none here). Indexed both ways, so finding
/// a unit, the bodies above it and the units under a body never scans every unit.
/// </summary>
/// <threadsafety>
/// Safe for concurrent readers. Its shape never changes once built; a unit's entry is replaced in place when a migration
/// moves it to another plan version (<see cref="Replace"/>), and a reader sees the entry before or after.
/// </threadsafety>
public sealed class OrganisationTree
{
    private readonly Dictionary<string, CampaignUnit> _byId;
    private readonly Dictionary<string, int> _order;
    private readonly Dictionary<string, List<CampaignUnit>> _children;
    private readonly Dictionary<string, string> _parentOfBody;
    private readonly Dictionary<string, List<string>> _bodiesUnder;
    private readonly IReadOnlyDictionary<string, string> _namesOfBodies;

    /// <summary>Builds the tree of <paramref name="units"/> (one entry per unit id).</summary>
    /// <param name="units">The running units, in the order <see cref="All"/> keeps.</param>
    /// <param name="parentsOfBodies">
    /// The parent of each body that runs no campaign, as a plan names it (<c>unit.parent</c> of a template plan), by
    /// the body's id; null for none. An entry for a running unit is ignored: its own plan says where it stands.
    /// </param>
    /// <param name="namesOfBodies">
    /// The name of each body that runs no campaign, as an organisation file (or a plan of its own) names it, by the
    /// body's id; null for none. An entry for a running unit is ignored: its plan names it.
    /// </param>
    public OrganisationTree(IReadOnlyList<CampaignUnit> units, IReadOnlyDictionary<string, string>? parentsOfBodies = null, IReadOnlyDictionary<string, string>? namesOfBodies = null)
    {
        _namesOfBodies = namesOfBodies ?? new Dictionary<string, string>();
        ArgumentNullException.ThrowIfNull(units);
        All = units;
        _byId = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _order = units.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _children = new Dictionary<string, List<CampaignUnit>>(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => u.Body is not null))
        {
            Add(_children, unit.Body!, unit);
        }

        _parentOfBody = new Dictionary<string, string>(StringComparer.Ordinal);
        _bodiesUnder = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (body, parent) in parentsOfBodies ?? new Dictionary<string, string>())
        {
            if (!_byId.ContainsKey(body))
            {
                _parentOfBody[body] = parent;
                Add(_bodiesUnder, parent, body);
            }
        }
    }

    /// <summary>Puts <paramref name="unit"/> in the place of the entry with its id (same body): its plan version moved.</summary>
    /// <param name="unit">The unit as it runs now.</param>
    internal void Replace(CampaignUnit unit)
    {
        if (!_byId.TryGetValue(unit.Id, out var old) || old.Body != unit.Body)
        {
            throw new InvalidOperationException($"unit '{unit.Id}' is not in the tree under '{unit.Body}'");
        }

        _byId[unit.Id] = unit;
        if (All is CampaignUnit[] all)
        {
            all[_order[unit.Id]] = unit;
        }

        if (unit.Body is not null && _children.TryGetValue(unit.Body, out var siblings))
        {
            siblings[siblings.FindIndex(u => u.Id == unit.Id)] = unit;
        }
    }

    /// <summary>The supervision groups of the groups files, each with the units it covers.</summary>
    public IReadOnlyList<SupervisionGroup> Groups { get; init; } = [];

    /// <summary>The supervision group with this id, or null.</summary>
    /// <param name="groupId">A group id.</param>
    public SupervisionGroup? FindGroup(string groupId) => Groups.FirstOrDefault(g => g.Id == groupId);

    /// <summary>Every running unit.</summary>
    public IReadOnlyList<CampaignUnit> All { get; }

    /// <summary>The unit, or null when no campaign runs for it.</summary>
    /// <param name="unitId">The unit's id.</param>
    public CampaignUnit? Find(string unitId) => _byId.GetValueOrDefault(unitId);

    /// <summary>
    /// The name of a body or unit: a running unit's own, else the name an organisation file gives a body that runs no
    /// campaign (中共许昌市委 for <c>xuchang-city</c>); null when nothing names it (<c>campaignflow validate</c> warns
    /// <c>unnamed-body</c> at the plan that names it as a parent).
    /// </summary>
    /// <param name="body">A body's or unit's id.</param>
    public string? NameOf(string body) => Find(body)?.Name ?? _namesOfBodies.GetValueOrDefault(body);

    /// <summary>The bodies above <paramref name="unit"/>, nearest first.</summary>
    /// <param name="unit">The unit.</param>
    public IEnumerable<string> BodiesAbove(CampaignUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
        for (var body = unit.Body; body is not null && seen.Add(body); body = ParentOf(body))
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

            // A body that runs no campaign has none to list, but the units below it are under this body too.
            foreach (var between in _bodiesUnder.GetValueOrDefault(next) ?? [])
            {
                if (seen.Add(between))
                {
                    pending.Enqueue(between);
                }
            }
        }

        return found.OrderBy(u => _order[u.Id]).ToArray();
    }

    // A running unit's own plan says where it stands; a body that runs no campaign stands where a plan names it.
    private string? ParentOf(string body) => Find(body) is { } unit ? unit.Body : _parentOfBody.GetValueOrDefault(body);

    private static void Add<T>(Dictionary<string, List<T>> lists, string key, T item)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(item);
    }
}
