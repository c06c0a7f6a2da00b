using System.Collections.Concurrent;
using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Campaigns.Rollups;

/// <summary>
/// Roll-ups over the units under a body: the units × requirements matrix (met, pending, violated) with totals, the
/// units most behind, and the open count over time. Everything is read from the stores' tallies of open violations
/// (<see cref="IViolationStore.TallyOpenAsync"/>, kept as violations change; held in memory and read again per unit
/// written, docs/adr/0017) and each plan version's due schedule (computed once), so a roll-up costs what units ×
/// requirements are in memory, not what the violations are, and reads nothing from the store once the tallies are held.
/// </summary>
/// <remarks>
/// A cell is <see cref="ComplianceStatus.Violated"/> while a violation of the unit's running plan version for that
/// requirement is open, whatever the day; otherwise <see cref="ComplianceStatus.Pending"/> while a period of the
/// requirement has not ended by the roll-up's day, and <see cref="ComplianceStatus.Met"/> after. The violations are
/// those the stores hold now: a day in the past changes which periods have closed, not which violations were open then.
/// </remarks>
/// <threadsafety>Safe for concurrent use.</threadsafety>
public sealed class ComplianceRollups
{
    private readonly OrganisationTree _tree;
    private readonly IReadOnlyDictionary<string, ResolvedPlan> _plans;
    private readonly PlanVersionDues _dues;
    private readonly IViolationStore _violations;
    private readonly OpenTallyMirror _tallies;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, BodyScope?> _bodies = new(StringComparer.Ordinal);
    // A body's open count per day, as read under a version of the tallies (docs/adr/0017): read again once it moved.
    private readonly ConcurrentDictionary<string, (long Version, IReadOnlyList<OpenViolationChange> Changes)> _changesByBody = new(StringComparer.Ordinal);

    internal ComplianceRollups(OrganisationTree tree, IReadOnlyDictionary<string, ResolvedPlan> plansByUnit, PlanVersionDues dues, IViolationStore violations, OpenTallyMirror tallies, TimeProvider clock)
    {
        (_tree, _plans, _dues, _violations, _tallies, _clock) = (tree, plansByUnit, dues, violations, tallies, clock);
    }

    /// <summary>The body with the units under it and what a filter may name, or null when no running unit is under it.</summary>
    /// <param name="body">A body's id (or a unit's: the unit alone).</param>
    /// <remarks>The tree and the plans do not change while the service runs, so each body is looked up once.</remarks>
    public BodyScope? FindBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _bodies.GetOrAdd(body, Scope);
    }

    private BodyScope? Scope(string body)
    {
        var units = _tree.Under(body);
        if (units.Count == 0)
        {
            return null;
        }

        var plans = units.Select(u => _plans[u.Id]).ToArray();
        var phases = plans.DistinctBy(p => (p.Id, p.Version)).SelectMany(_dues.Of).Select(r => r.Phase).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToArray();
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var phase in plans.DistinctBy(p => (p.Id, p.Version)).SelectMany(p => p.AllPhases))
        {
            titles.TryAdd(phase.Id, phase.Title);
        }

        // A unit's kind is declared by the plan above it (魏都区委's unitKinds), which a unit's own plan inherits.
        var kindTitles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, title) in plans.DistinctBy(p => (p.Id, p.Version)).SelectMany(p => p.Vocabulary.UnitKinds).Where(k => k.Value.Length > 0))
        {
            kindTitles.TryAdd(kind, title);
        }

        // The units' own kinds (a template's plan names a stand-in, and thousands of units of several kinds run it), in
        // the order the plans declare them (区委, 区直单位, …, 社区); those no plan declares after them, by id.
        var present = units.Select(u => u.Kind).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var kinds = kindTitles.Keys.Where(present.Contains)
            .Concat(present.Where(k => !kindTitles.ContainsKey(k)).Order(StringComparer.Ordinal)).ToArray();
        return new BodyScope(body, units, kinds, phases, titles, kindTitles);
    }

    /// <summary>The last day that has ended by the service's clock, in the time zone of <paramref name="unit"/>'s plan (Asia/Shanghai for the seeds).</summary>
    /// <param name="unit">A unit; null: the first running unit.</param>
    public DateOnly LastEndedDay(CampaignUnit? unit = null)
    {
        var plan = unit is null ? _plans.Values.FirstOrDefault() : _plans.GetValueOrDefault(unit.Id);
        var zone = CampaignFlow.Plans.Zones.PlanTimeZone.Of(plan?.TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), zone).DateTime).AddDays(-1);
    }

    /// <summary>The roll-up of a body's units on a day.</summary>
    /// <param name="body">The body, from <see cref="FindBody"/>.</param>
    /// <param name="filter">Day, unit kind, phase, order and page; a kind or phase the body does not have gives no units or no requirements.</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<BodyCompliance> GetComplianceAsync(BodyScope body, ComplianceFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(filter);
        var units = UnitsOf(body, filter);
        return Compliance(body, filter, units, await OpenTalliesAsync(units, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// A body's page at a glance from one read of its tallies: the roll-up (as <see cref="GetComplianceAsync"/>) and
    /// its units of the filter's kind ranked (as <see cref="RankBehindAsync"/>) on the roll-up's day.
    /// </summary>
    /// <param name="body">The body, from <see cref="FindBody"/>.</param>
    /// <param name="filter">Day, unit kind, phase, order and page.</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<ComplianceOverview> GetOverviewAsync(BodyScope body, ComplianceFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(filter);
        var units = UnitsOf(body, filter);
        // The read is most of a body's roll-up at 10,000 units; the two views of it cost little beside it.
        var tallies = await OpenTalliesAsync(units, ct).ConfigureAwait(false);
        var compliance = Compliance(body, filter, units, tallies);
        return new ComplianceOverview(compliance, RankBehind(units, compliance.At, tallies));
    }

    private static IReadOnlyList<CampaignUnit> UnitsOf(BodyScope body, ComplianceFilter filter) =>
        filter.Kind is null ? body.Units : body.Units.Where(u => u.Kind == filter.Kind).ToArray();

    private BodyCompliance Compliance(BodyScope body, ComplianceFilter filter, IReadOnlyList<CampaignUnit> units, Dictionary<string, List<OpenViolationTally>> tallies)
    {
        var at = filter.At ?? LastEndedDay(body.Units[0]);

        // The columns: every requirement of the units' plan versions (narrowed to the phase), first seen first.
        var columns = new List<RequirementDue>();
        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var columnCounts = new List<int[]>();
        var rows = new (CampaignUnit Unit, ResolvedPlan Plan, ComplianceCounts Totals, int DaysOverdue)[units.Count];
        for (var n = 0; n < units.Count; n++)
        {
            var unit = units[n];
            var plan = _plans[unit.Id];
            var open = tallies.GetValueOrDefault(unit.Id);
            int met = 0, pending = 0, violated = 0, openViolations = 0;
            DateOnly? earliest = null;
            foreach (var due in _dues.Of(plan))
            {
                if (filter.Phase is not null && due.Phase != filter.Phase)
                {
                    continue;
                }

                if (!columnOf.TryGetValue(due.Id, out var column))
                {
                    columnOf[due.Id] = column = columns.Count;
                    columns.Add(due);
                    columnCounts.Add(new int[4]);
                }

                var status = Status(due, open, at, out var tally);
                switch (status)
                {
                    case ComplianceStatus.Met:
                        met++;
                        break;
                    case ComplianceStatus.Pending:
                        pending++;
                        break;
                    default:
                        violated++;
                        break;
                }

                var counts = columnCounts[column];
                counts[(int)status]++;
                if (tally is not null)
                {
                    openViolations += tally.Open;
                    counts[3] += tally.Open;
                    earliest = earliest is { } e && e <= tally.EarliestDue ? e : tally.EarliestDue;
                }
            }

            rows[n] = (unit, plan, new ComplianceCounts(met, pending, violated, openViolations), Overdue(earliest, at));
        }

        // Only the page's cells are made; the totals above counted every unit.
        var order = Enumerable.Range(0, rows.Length);
        if (filter.Sort == ComplianceSort.Behind)
        {
            order = order.OrderByDescending(i => rows[i].Totals.OpenViolations).ThenByDescending(i => rows[i].DaysOverdue).ThenBy(i => i);
        }

        var page = order.Skip(filter.Offset).Take(filter.Limit).Select(i =>
        {
            var (unit, plan, totals, overdue) = rows[i];
            var cells = new ComplianceStatus?[columns.Count];
            var open = tallies.GetValueOrDefault(unit.Id);
            foreach (var due in _dues.Of(plan).Where(d => filter.Phase is null || d.Phase == filter.Phase))
            {
                cells[columnOf[due.Id]] = Status(due, open, at, out _);
            }

            return new UnitComplianceRow(unit, unit.Kind, totals, overdue, cells);
        }).ToArray();

        var requirements = columns.Select((c, i) => new RequirementColumn(c.Id, c.Title, c.Phase,
            new ComplianceCounts(columnCounts[i][0], columnCounts[i][1], columnCounts[i][2], columnCounts[i][3]))).ToArray();
        var totals = new ComplianceCounts(rows.Sum(r => r.Totals.Met), rows.Sum(r => r.Totals.Pending), rows.Sum(r => r.Totals.Violated), rows.Sum(r => r.Totals.OpenViolations));
        return new BodyCompliance(body.Body, _tree.NameOf(body.Body), at, filter.Kind, filter.Phase, requirements, totals, rows.Length, rows.Count(r => r.Totals.Violated > 0),
            filter.Offset, filter.Limit, page);
    }

    /// <summary>
    /// How far behind each of <paramref name="units"/> is on a day, most behind first: most open violations, then most
    /// days overdue, then in the order given.
    /// </summary>
    /// <param name="units">The units (those a caller may read, or those under a body).</param>
    /// <param name="at">The day; null: <see cref="LastEndedDay"/>.</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<IReadOnlyList<UnitStanding>> RankBehindAsync(IReadOnlyList<CampaignUnit> units, DateOnly? at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var running = units.Where(u => _plans.ContainsKey(u.Id)).ToArray();
        return RankBehind(running, at, await OpenTalliesAsync(running, ct).ConfigureAwait(false));
    }

    private UnitStanding[] RankBehind(IReadOnlyList<CampaignUnit> running, DateOnly? at, Dictionary<string, List<OpenViolationTally>> tallies) =>
        running
            .Select((unit, order) =>
            {
                var open = tallies.GetValueOrDefault(unit.Id);
                DateOnly? earliest = open is { Count: > 0 } ? open.Min(t => t.EarliestDue) : null;
                var day = at ?? LastEndedDay(unit);
                return (Standing: new UnitStanding(unit, unit.Kind, open?.Sum(t => t.Open) ?? 0, Overdue(earliest, day), earliest), Order: order);
            })
            .OrderByDescending(s => s.Standing.OpenViolations).ThenByDescending(s => s.Standing.DaysOverdue).ThenBy(s => s.Order)
            .Select(s => s.Standing)
            .ToArray();

    /// <summary>
    /// How many violations of the body's units were open at the end of each day, from the first day one opened (or
    /// <paramref name="from"/>) to the last day the count changed (or <paramref name="to"/>), every day listed.
    /// </summary>
    /// <param name="body">The body, from <see cref="FindBody"/>.</param>
    /// <param name="from">The first day to list, or null.</param>
    /// <param name="to">The last day to list, or null.</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<IReadOnlyList<OpenViolationsOnDay>> GetOpenHistoryAsync(BodyScope body, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var changes = await OpenChangesAsync(body, ct).ConfigureAwait(false);
        if (changes.Count == 0 && (from is null || to is null))
        {
            return [];
        }

        var first = from ?? changes[0].Day;
        var last = to ?? changes[^1].Day;
        var days = new List<OpenViolationsOnDay>();
        var open = 0;
        var next = 0;
        for (var day = changes.Count > 0 && changes[0].Day < first ? changes[0].Day : first; day <= last; day = day.AddDays(1))
        {
            while (next < changes.Count && changes[next].Day == day)
            {
                open += changes[next++].Change;
            }

            if (day >= first)
            {
                days.Add(new OpenViolationsOnDay(day, open));
            }
        }

        return days;
    }

    // Taken before the read: a write that commits meanwhile moves the version, so the next roll-up reads again.
    private async Task<IReadOnlyList<OpenViolationChange>> OpenChangesAsync(BodyScope body, CancellationToken ct)
    {
        var version = _tallies.Version;
        if (_changesByBody.TryGetValue(body.Body, out var held) && held.Version == version)
        {
            return held.Changes;
        }

        var changes = await _violations.OpenChangesByDayAsync(body.Units.Select(u => u.Id).ToArray(), ct).ConfigureAwait(false);
        _changesByBody[body.Body] = (version, changes);
        return changes;
    }

    // A unit's tallies of the plan version it runs: a superseded version's violations stay as stored. A unit has few
    // (one per requirement behind), so a list scanned beats a dictionary per unit on a body of thousands.
    private async Task<Dictionary<string, List<OpenViolationTally>>> OpenTalliesAsync(IReadOnlyList<CampaignUnit> units, CancellationToken ct)
    {
        var tallies = await _tallies.TalliesAsync(units.Select(u => u.Id).ToArray(), ct).ConfigureAwait(false);
        var byUnit = new Dictionary<string, List<OpenViolationTally>>(StringComparer.Ordinal);
        (string? Unit, ResolvedPlan? Plan, List<OpenViolationTally>? List) current = (null, null, null);
        foreach (var tally in tallies)
        {
            // The store gives a unit's tallies together: its plan is looked up once.
            if (current.Unit != tally.Unit)
            {
                current = (tally.Unit, _plans.GetValueOrDefault(tally.Unit), byUnit.GetValueOrDefault(tally.Unit));
            }

            if (current.Plan is not { } plan || plan.Id != tally.PlanId || plan.Version != tally.PlanVersion)
            {
                continue;
            }

            if (current.List is null)
            {
                byUnit[tally.Unit] = current.List = [];
            }

            current.List.Add(tally);
        }

        return byUnit;
    }

    private static ComplianceStatus Status(RequirementDue due, List<OpenViolationTally>? open, DateOnly at, out OpenViolationTally? tally)
    {
        tally = null;
        for (var i = 0; open is not null && i < open.Count; i++)
        {
            if (string.Equals(open[i].RequirementId, due.Id, StringComparison.Ordinal))
            {
                tally = open[i];
                break;
            }
        }

        return tally is not null ? ComplianceStatus.Violated : due.LastEnd <= at ? ComplianceStatus.Met : ComplianceStatus.Pending;
    }

    private static int Overdue(DateOnly? earliestDue, DateOnly at) => earliestDue is { } due && at > due ? at.DayNumber - due.DayNumber : 0;
}
