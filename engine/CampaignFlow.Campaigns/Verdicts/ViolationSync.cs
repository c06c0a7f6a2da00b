using System.Diagnostics;
using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Telemetry;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Compliance.Sessions;

namespace CampaignFlow.Campaigns.Verdicts;

/// <summary>
/// Keeps the violation store in step with a unit's session: what the session says now is stored as the difference
/// to what the store holds open, so a session rebuilt after a restart repeats rows, not history.
/// </summary>
/// <param name="store">The violation store.</param>
/// <param name="metrics">Counts what opened and resolved, and times the store.</param>
/// <param name="tallies">The roll-ups' copy of the store's tallies, told which units' violations were written.</param>
internal sealed class ViolationSync(IViolationStore store, CampaignMetrics metrics, OpenTallyMirror tallies)
{
    /// <summary>
    /// The unit's open violations of its plan as stored, of any version, by id, in one read: a session judges only its
    /// own version, so those of the version a unit was migrated from are resolved by the first persist after the
    /// migration, or by the rebuild after a host stopped half-way through one (docs/adr/0015).
    /// </summary>
    public async Task<Dictionary<string, StoredViolation>> ReadOpenAsync(RunningUnit unit, CancellationToken ct)
    {
        var page = await store.QueryAsync(new ViolationQuery
        {
            Units = [unit.Unit.Id],
            PlanId = unit.Unit.PlanId,
            Status = ViolationStatus.Open,
            Limit = int.MaxValue,
        }, ct).ConfigureAwait(false);
        return page.Items.ToDictionary(v => v.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// <see cref="ReadOpenAsync"/> for many units in one read: each unit's open violations of its own plan, by unit id
    /// (an empty dictionary for a unit with none).
    /// </summary>
    public async Task<Dictionary<string, Dictionary<string, StoredViolation>>> ReadOpenManyAsync(IReadOnlyList<RunningUnit> units, CancellationToken ct)
    {
        var plans = units.ToDictionary(u => u.Unit.Id, u => u.Unit.PlanId, StringComparer.Ordinal);
        var page = await store.QueryAsync(new ViolationQuery
        {
            Units = plans.Keys,
            Status = ViolationStatus.Open,
            Limit = int.MaxValue,
        }, ct).ConfigureAwait(false);
        var open = plans.Keys.ToDictionary(id => id, _ => new Dictionary<string, StoredViolation>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var violation in page.Items)
        {
            // Units run plans of their own: a row of another plan (one the unit ran before) is not the session's.
            if (plans.GetValueOrDefault(violation.Unit) == violation.PlanId)
            {
                open[violation.Unit][violation.Id] = violation;
            }
        }

        return open;
    }

    /// <summary>Moves the unit's session to <paramref name="now"/> (periods close) and persists what changed.</summary>
    public Task<VerdictChanges> AdvanceAsync(RunningUnit unit, UnitSession session, DateTimeOffset now, CancellationToken ct)
    {
        session.Compliance.AdvanceTo(now);
        return PersistAsync(unit, session, now, ct);
    }

    /// <summary>Stores what the session says now as the difference to what the store holds open.</summary>
    public async Task<VerdictChanges> PersistAsync(RunningUnit unit, UnitSession session, DateTimeOffset at, CancellationToken ct)
    {
        var updates = Differences(unit, session, at);
        if (updates.Count == 0)
        {
            return VerdictChanges.None;
        }

        var events = await ApplyAsync(updates, ct).ConfigureAwait(false);
        return await SettleAsync(session, updates, events, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves each unit's session to <paramref name="now"/> and persists what changed, as <see cref="AdvanceAsync"/> does
    /// for one, with every unit's changes in one call of the store (one transaction). The caller holds the units' locks.
    /// </summary>
    public async Task AdvanceManyAsync(IReadOnlyList<(RunningUnit Unit, UnitSession Session)> units, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (_, session) in units)
        {
            session.Compliance.AdvanceTo(now);
        }

        await PersistManyAsync(units, now, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores what each unit's session says now, as <see cref="PersistAsync"/> does for one, with every unit's changes in
    /// one call of the store (one transaction). The caller holds the units' locks.
    /// </summary>
    /// <returns>What opened and resolved, per unit, in the order of <paramref name="units"/>.</returns>
    public async Task<IReadOnlyList<VerdictChanges>> PersistManyAsync(IReadOnlyList<(RunningUnit Unit, UnitSession Session)> units, DateTimeOffset at, CancellationToken ct)
    {
        var results = new VerdictChanges[units.Count];
        var changed = new List<(int Index, UnitSession Session, List<ViolationUpdate> Updates)>();
        for (var i = 0; i < units.Count; i++)
        {
            results[i] = VerdictChanges.None;
            if (Differences(units[i].Unit, units[i].Session, at) is { Count: > 0 } updates)
            {
                changed.Add((i, units[i].Session, updates));
            }
        }

        if (changed.Count == 0)
        {
            return results;
        }

        var events = await ApplyAsync([.. changed.SelectMany(c => c.Updates)], ct).ConfigureAwait(false);
        var byViolation = events.ToLookup(e => e.ViolationId, StringComparer.Ordinal);
        foreach (var (index, session, updates) in changed)
        {
            // A violation id names its unit, so each event belongs to the one unit whose updates name it.
            var own = updates.Select(u => u.Violation.Id).Distinct(StringComparer.Ordinal).SelectMany(id => byViolation[id]).ToArray();
            results[index] = await SettleAsync(session, updates, own, ct).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>What the session says now against what the store holds open for it, as updates in id order.</summary>
    private static List<ViolationUpdate> Differences(RunningUnit unit, UnitSession session, DateTimeOffset at)
    {
        var compliance = session.Compliance;
        var current = compliance.Violations.ToDictionary(v => v.Id, v => ViolationRows.From(v, unit.Unit.Body), StringComparer.Ordinal);
        var updates = new List<ViolationUpdate>();
        foreach (var (id, row) in current.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!session.Persisted.TryGetValue(id, out var stored))
            {
                // An opening names no record (a period's closing causes it), and says so as every new step does.
                var step = compliance.LastChangeOf(id);
                updates.Add(new ViolationUpdate(true, at, row)
                {
                    StepDetails = step is { Kind: ViolationChangeKind.Opened } ? ViolationRows.Step(row.Details, step) : null,
                });
            }
            else if (!ViolationLifecycle.SameContent(stored, row))
            {
                // A change names the records behind it; one of a requirement over the units below is no step at all.
                var step = compliance.LastChangeOf(id);
                updates.Add(new ViolationUpdate(true, at, row)
                {
                    StepDetails = step is { Kind: ViolationChangeKind.Changed } ? ViolationRows.Step(row.Details, step) : null,
                    Quiet = compliance.Rules.Judges.GetValueOrDefault(row.RequirementId)?.ReadsOtherUnits == true,
                });
            }
        }

        foreach (var (id, row) in session.Persisted.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!current.ContainsKey(id))
            {
                // What resolved it, when this session saw it happen; a session rebuilt since knows only that it did.
                var step = compliance.LastChangeOf(id);
                updates.Add(new ViolationUpdate(false, at, row)
                {
                    StepDetails = step is { Kind: ViolationChangeKind.Resolved } ? ViolationRows.Step(row.Details, step) : null,
                });
            }
        }

        return updates;
    }

    private async Task<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var events = await store.ApplyAsync(updates, ct).ConfigureAwait(false);
            metrics.StoreCalled("violations.apply", Stopwatch.GetElapsedTime(started));
            return events;
        }
        finally
        {
            // After the commit (or a failure, which may have committed): the roll-ups read these units' tallies again.
            tallies.MarkChanged(updates.Select(u => u.Violation.Unit).Distinct(StringComparer.Ordinal));
        }
    }

    /// <summary>After the store applied <paramref name="updates"/>: the session's persisted rows follow, and what opened and resolved is counted and returned.</summary>
    private async Task<VerdictChanges> SettleAsync(UnitSession session, IReadOnlyList<ViolationUpdate> updates, IReadOnlyList<ViolationEvent> events, CancellationToken ct)
    {
        // What the store now holds is the lifecycle rule applied to what it held open (a reopened row it did not): kept
        // as such, lifecycle columns included, so the next persist and the rows reported here need no read back.
        var left = new Dictionary<string, StoredViolation>(StringComparer.Ordinal);
        foreach (var update in updates)
        {
            var id = update.Violation.Id;
            var previous = session.Persisted.GetValueOrDefault(id);
            if (ViolationLifecycle.Apply(previous, update).Row is { } row)
            {
                left[id] = row;
            }

            if (!update.IsOpen)
            {
                session.Persisted.Remove(id);
            }
            else if (left.TryGetValue(id, out var open))
            {
                session.Persisted[id] = open;
            }
        }

        var opened = new List<StoredViolation>();
        var resolved = new List<StoredViolation>();
        foreach (var happened in events)
        {
            var row = left.GetValueOrDefault(happened.ViolationId) ?? await store.GetAsync(happened.ViolationId, ct).ConfigureAwait(false);
            if (row is not null)
            {
                (happened.Kind == ViolationEventKind.Resolved ? resolved : opened).Add(row);
            }
        }

        // A change of evidence is neither: opened less resolved is what the store holds open.
        metrics.ViolationsChanged(
            events.Count(e => e.Kind is ViolationEventKind.Opened or ViolationEventKind.Reopened),
            events.Count(e => e.Kind == ViolationEventKind.Resolved));
        return new VerdictChanges(opened, resolved);
    }
}
