using System.Diagnostics;
using CampaignFlow.Campaigns.Migrating;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Telemetry;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Campaigns.Verdicts;
using CampaignFlow.Compliance.Sessions;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Sessions;

/// <summary>
/// The units' rule sessions: kept in an LRU cache, caught up with records another host stored, rebuilt by replaying
/// the unit's stored records when evicted or when a replay is cheaper (docs/adr/0004). All work on a session runs under
/// its unit's lock — this host's, then the one every host of the store shares (<see cref="IUnitLocks"/>) — and a failure
/// half-way drops the session, since the store is the truth. A unit's migration stored by any host is in its record log
/// (<see cref="MigrationMark"/>): the catch-up or rebuild that reads it, when the unit's locks are taken, moves the unit
/// to the version it names before the work runs, and the work is given the unit as it runs now (docs/adr/0026).
/// </summary>
/// <threadsafety>Safe for concurrent callers; each unit's work is serialised by its locks.</threadsafety>
internal sealed class UnitSessions(IRecordStore records, IUnitLocks locks, ViolationSync verdicts, MigrationFollower migrations, TimeProvider clock, SessionCache cache, CampaignMetrics metrics, ILogger logger)
{
    private const int ReplayRatherThanInsertFrom = 200;
    private readonly SessionCache _cache = cache;

    /// <summary>How many sessions are in memory.</summary>
    public int Count => _cache.Count;

    /// <summary>
    /// Runs <paramref name="work"/> on the unit's session under the unit's locks, waiting for them; the work is given the
    /// unit as it runs now (moved, when its record log says another host migrated it).
    /// </summary>
    public async Task<T> WithSessionAsync<T>(RunningUnit unit, Func<RunningUnit, UnitSession, Task<T>> work, CancellationToken ct)
    {
        await unit.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var shared = await locks.LockAsync(unit.Unit.Id, ct).ConfigureAwait(false);
            return await RunAsync(unit, work, ct).ConfigureAwait(false);
        }
        finally
        {
            unit.Lock.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the unit's session if neither this host nor another holds the unit's lock; false
    /// when one does (it is judging the unit now, and moves its watermark when done). The work is given the unit as it runs now.
    /// </summary>
    public async Task<bool> TryWithSessionAsync(RunningUnit unit, Func<RunningUnit, UnitSession, Task> work, CancellationToken ct)
    {
        if (!await unit.Lock.WaitAsync(0, ct).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            await using var shared = await locks.TryLockAsync(unit.Unit.Id, ct).ConfigureAwait(false);
            if (shared is null)
            {
                return false;
            }

            return await RunAsync(unit, async (current, session) =>
            {
                await work(current, session).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);
        }
        finally
        {
            unit.Lock.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> once on the sessions of all of <paramref name="units"/>, under all their locks,
    /// waiting for each. This host's locks are taken in the order of the units' ids, as every caller that waits for several
    /// does, then the shared ones all in one call (<see cref="IUnitLocks.LockManyAsync"/>, in the store's one order), so
    /// two such callers cannot deadlock; callers that take several without waiting (<see cref="TryWithSessionsAsync"/>)
    /// never wait. When the work fails, every session it was given is dropped.
    /// </summary>
    public async Task<T> WithSessionsAsync<T>(IReadOnlyList<RunningUnit> units, Func<IReadOnlyList<(RunningUnit Unit, UnitSession Session)>, Task<T>> work, CancellationToken ct)
    {
        var ordered = units.DistinctBy(u => u.Unit.Id).OrderBy(u => u.Unit.Id, StringComparer.Ordinal).ToArray();
        var held = new List<RunningUnit>(ordered.Length);
        HeldUnitLocks? shared = null;
        try
        {
            foreach (var unit in ordered)
            {
                await unit.Lock.WaitAsync(ct).ConfigureAwait(false);
                held.Add(unit);
            }

            // The shared locks all in one call, in the store's one order (on PostgreSQL one connection, not one a unit).
            shared = await locks.LockManyAsync([.. ordered.Select(u => u.Unit.Id)], ct).ConfigureAwait(false);

            IReadOnlyList<(RunningUnit Unit, UnitSession Session)> sessions = [];
            try
            {
                sessions = await SessionsAsync(ordered, ct).ConfigureAwait(false);
                var result = await work(sessions).ConfigureAwait(false);
                foreach (var (unit, _) in sessions)
                {
                    _cache.Reweigh(unit.SessionKey); // the work may have fed them records
                }

                return result;
            }
            catch
            {
                // As for one unit: the store is the truth, and the next use rebuilds each session from it.
                foreach (var unit in ordered.Concat(sessions.Select(s => s.Unit)))
                {
                    _cache.Remove(unit.SessionKey);
                }

                throw;
            }
        }
        finally
        {
            if (shared is not null)
            {
                await shared.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var unit in held)
            {
                unit.Lock.Release();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> once on the sessions of those of <paramref name="units"/> whose locks, this host's
    /// and the shared ones, are free, holding them all; waits for none, so holding many cannot deadlock. A unit whose
    /// session cannot be had is logged and left out (its session is rebuilt on its next use); when the work fails, every
    /// session it was given is dropped, as for one unit, and the failure is thrown. The work is given each unit as it runs now.
    /// </summary>
    /// <returns>The units it did not take because another holds their locks.</returns>
    public async Task<IReadOnlyList<RunningUnit>> TryWithSessionsAsync(IReadOnlyList<RunningUnit> units, Func<IReadOnlyList<(RunningUnit Unit, UnitSession Session)>, Task> work, CancellationToken ct)
    {
        var busy = new List<RunningUnit>();
        var mine = new List<RunningUnit>();
        try
        {
            foreach (var unit in units)
            {
                if (await unit.Lock.WaitAsync(0, ct).ConfigureAwait(false))
                {
                    mine.Add(unit);
                }
                else
                {
                    busy.Add(unit);
                }
            }

            await using var shared = await locks.TryLockManyAsync(mine.ConvertAll(u => u.Unit.Id), ct).ConfigureAwait(false);
            var held = shared.Units.ToHashSet(StringComparer.Ordinal);
            var taken = new List<RunningUnit>(held.Count);
            foreach (var unit in mine)
            {
                if (held.Contains(unit.Unit.Id))
                {
                    taken.Add(unit);
                }
                else
                {
                    busy.Add(unit);
                }
            }

            var sessions = await TrySessionsAsync(taken, ct).ConfigureAwait(false);

            try
            {
                await work(sessions).ConfigureAwait(false);
            }
            catch
            {
                foreach (var (unit, _) in sessions)
                {
                    _cache.Remove(unit.SessionKey);
                }

                throw;
            }
        }
        finally
        {
            foreach (var unit in mine)
            {
                unit.Lock.Release();
            }
        }

        return busy;
    }

    /// <summary>
    /// Runs <paramref name="work"/> under the unit's locks, this host's and the shared one, without its session: a
    /// migration moves the unit to another version under them.
    /// </summary>
    public async Task<T> WithLocksAsync<T>(RunningUnit unit, Func<Task<T>> work, CancellationToken ct)
    {
        await unit.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var shared = await locks.LockAsync(unit.Unit.Id, ct).ConfigureAwait(false);
            return await work().ConfigureAwait(false);
        }
        finally
        {
            unit.Lock.Release();
        }
    }

    /// <summary>
    /// The unit's session for the version it runs now built from the store, its previous version's session dropped,
    /// the verdicts persisted as the difference to the open rows of any version of its plan. The caller holds the lock.
    /// </summary>
    public async Task<UnitSession> RebuildMovedAsync(RunningUnit previous, RunningUnit moved, CancellationToken ct)
    {
        _cache.Remove(previous.SessionKey);
        return (await RebuildAsync(moved, false, ct).ConfigureAwait(false)).Session;
    }

    /// <summary>
    /// The unit's session built from the store, the unit first moved to the version its record log's last migration
    /// names when this host's memory has not followed it, the verdicts persisted. The caller holds the lock.
    /// </summary>
    /// <returns>The unit as it runs now, and its session.</returns>
    public async Task<(RunningUnit Unit, UnitSession Session)> RebuildFollowingAsync(RunningUnit unit, CancellationToken ct)
    {
        var (current, session, _) = await RebuildAsync(unit, true, ct).ConfigureAwait(false);
        return (current, session);
    }

    private async Task<T> RunAsync<T>(RunningUnit unit, Func<RunningUnit, UnitSession, Task<T>> work, CancellationToken ct)
    {
        var current = unit;
        try
        {
            (current, var session) = await SessionAsync(unit, ct).ConfigureAwait(false);
            var result = await work(current, session).ConfigureAwait(false);
            _cache.Reweigh(current.SessionKey); // the work may have fed it records
            return result;
        }
        catch
        {
            // Whatever failed half-way, the store is the truth: the next use rebuilds the session from it.
            _cache.Remove(unit.SessionKey);
            _cache.Remove(current.SessionKey);
            throw;
        }
    }

    /// <summary>
    /// After the unit's records were stored: the session fed what the store now holds beyond what it saw (with any
    /// record another host stored meanwhile, in the store's order) and its verdicts persisted at <paramref name="at"/>;
    /// or, when there are so many that a replay is cheaper, a rebuilt session. The caller holds the unit's lock.
    /// </summary>
    public async Task<(UnitSession Session, VerdictChanges Changes)> CatchUpOrRebuildAsync(RunningUnit unit, UnitSession session, DateTimeOffset at, CancellationToken ct) =>
        await CatchUpAsync(unit, session, ct).ConfigureAwait(false)
            ? (session, await verdicts.PersistAsync(unit, session, at, ct).ConfigureAwait(false))
            : Dropped(await RebuildAsync(unit, false, ct).ConfigureAwait(false));

    /// <summary>
    /// <see cref="CatchUpOrRebuildAsync"/> for many units whose locks the caller holds: the verdicts of every unit caught
    /// up are persisted in one call of the store (one transaction) rather than one each, after one read of every unit's
    /// new records; a unit rebuilt instead is persisted by its rebuild, as for one.
    /// </summary>
    /// <returns>Each unit's session now and what its verdicts changed, in the order of <paramref name="taken"/>.</returns>
    public async Task<IReadOnlyList<(UnitSession Session, VerdictChanges Changes)>> CatchUpManyOrRebuildAsync(
        IReadOnlyList<(RunningUnit Unit, UnitSession Session)> taken, DateTimeOffset at, CancellationToken ct)
    {
        var results = new (UnitSession Session, VerdictChanges Changes)[taken.Count];
        var caughtUp = new List<(RunningUnit Unit, UnitSession Session)>(taken.Count);
        var caughtUpAt = new List<int>(taken.Count);

        // Every unit's records after its session's last in one read, as a boundary's batch reads them.
        var stored = taken.Count > 1 && taken.DistinctBy(t => t.Unit.Unit.Id).Count() == taken.Count
            ? (await records.ReadUnitsAsync([.. taken.Select(t => new UnitRecordsAfter(t.Unit.Unit.Id, t.Session.LastSequence))], ct).ConfigureAwait(false))
                .GroupBy(r => r.Unit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<StoredRecord>)[.. g], StringComparer.Ordinal)
            : null;
        for (var i = 0; i < taken.Count; i++)
        {
            var (unit, session) = taken[i];
            if (stored is null
                ? await CatchUpAsync(unit, session, ct).ConfigureAwait(false)
                : await CatchUpFromAsync(unit, session, stored.GetValueOrDefault(unit.Unit.Id) ?? [], ct).ConfigureAwait(false))
            {
                caughtUp.Add((unit, session));
                caughtUpAt.Add(i);
            }
            else
            {
                results[i] = Dropped(await RebuildAsync(unit, false, ct).ConfigureAwait(false));
            }
        }

        var changes = await verdicts.PersistManyAsync(caughtUp, at, ct).ConfigureAwait(false);
        for (var j = 0; j < caughtUp.Count; j++)
        {
            results[caughtUpAt[j]] = (caughtUp[j].Session, changes[j]);
        }

        return results;
    }

    /// <summary>
    /// A body's session (<see cref="RunningUnit.Below"/>) older than <paramref name="age"/> in real time rebuilt from
    /// the store and its verdicts persisted, under its locks; a newer one left as it is. True when it was rebuilt.
    /// </summary>
    public Task<bool> RebuildBodyIfOlderAsync(RunningUnit body, TimeSpan age, CancellationToken ct) =>
        WithSessionAsync(body, async (current, session) =>
        {
            if (Stopwatch.GetElapsedTime(session.BuiltAt) < age)
            {
                return false;
            }

            await RebuildAsync(current, false, ct).ConfigureAwait(false);
            return true;
        }, ct);

    private static (UnitSession Session, VerdictChanges Changes) Dropped((RunningUnit Unit, UnitSession Session, VerdictChanges Changes) rebuilt) =>
        (rebuilt.Session, rebuilt.Changes);

    private async Task<(RunningUnit Unit, UnitSession Session)> SessionAsync(RunningUnit unit, CancellationToken ct)
    {
        // Another host sharing the store may have recorded for this unit since, or migrated it.
        if (_cache.Get(unit.SessionKey) is { } kept)
        {
            var stored = await records.ReadUnitAsync(unit.Unit.Id, kept.LastSequence, cancellationToken: ct).ConfigureAwait(false);
            if (MigrationFollower.Pending(unit, stored) is null && await CatchUpFromAsync(unit, kept, stored, ct).ConfigureAwait(false))
            {
                return (unit, kept);
            }
        }

        var (current, session, _) = await RebuildAsync(unit, true, ct).ConfigureAwait(false);
        return (current, session);
    }

    /// <summary>
    /// A new session of the unit from its stored records, reconciled with the stored open violations. With
    /// <paramref name="follow"/> (only when the unit's locks were just taken: no migration is stored while they are
    /// held), the unit is first moved to the version its record log's last migration names, if this host has not.
    /// </summary>
    private async Task<(RunningUnit Unit, UnitSession Session, VerdictChanges Changes)> RebuildAsync(RunningUnit unit, bool follow, CancellationToken ct)
    {
        _cache.Remove(unit.SessionKey);
        var replayed = await records.ReadUnitAsync(unit.Unit.Id, cancellationToken: ct).ConfigureAwait(false);
        if (follow && MigrationFollower.Pending(unit, replayed) is { } mark && await migrations.FollowAsync(unit, mark, ct).ConfigureAwait(false) is { } moved)
        {
            unit = moved;
            _cache.Remove(unit.SessionKey);
        }

        var compliance = new UnitCompliance(unit.Compiled.Rules, unit.Unit.Id);
        compliance.Record(MigrationMark.Decoded(replayed));
        var session = new UnitSession(compliance, await verdicts.ReadOpenAsync(unit, ct).ConfigureAwait(false))
        {
            LastSequence = replayed.Count > 0 ? replayed[^1].Sequence : 0,
            BuiltAt = Stopwatch.GetTimestamp(),
        };
        await ReadBelowAsync(unit, session, ct).ConfigureAwait(false);

        // Reconciled at once: the rebuilt session's verdicts against the stored open rows (a repeat is no event).
        var changes = await verdicts.AdvanceAsync(unit, session, clock.GetUtcNow(), ct).ConfigureAwait(false);
        _cache.Put(unit.SessionKey, session);
        metrics.SessionRebuilt();
        logger.LogDebug("Rebuilt the session of {Unit} from its stored records", unit.Unit.Id);
        return (unit, session, changes);
    }

    /// <summary>
    /// Feeds the session the unit's records stored after the last one it saw; false when there are so many that a
    /// rebuild is cheaper: inserted into a session whose periods have closed, each record has every closed period it
    /// falls in judged again, while a replay inserts the records before the periods close.
    /// </summary>
    private async Task<bool> CatchUpAsync(RunningUnit unit, UnitSession session, CancellationToken ct)
    {
        var stored = await records.ReadUnitAsync(unit.Unit.Id, session.LastSequence, cancellationToken: ct).ConfigureAwait(false);
        return await CatchUpFromAsync(unit, session, stored, ct).ConfigureAwait(false);
    }

    /// <summary><see cref="CatchUpAsync"/> with the unit's records after the session's last already read.</summary>
    private async Task<bool> CatchUpFromAsync(RunningUnit unit, UnitSession session, IReadOnlyList<StoredRecord> stored, CancellationToken ct)
    {
        if (stored.Count >= ReplayRatherThanInsertFrom)
        {
            return false;
        }

        Feed(session, stored);
        await ReadBelowAsync(unit, session, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Feeds a kept session the records of its unit stored after the last it saw, in sequence order.</summary>
    private static void Feed(UnitSession session, IReadOnlyList<StoredRecord> stored)
    {
        if (stored.Count > 0)
        {
            var decoded = MigrationMark.DecodedByKind(stored).ToArray();
            session.Compliance.Record(decoded.Select(d => d.Item2));
            session.LastFed = new FedRecords(session.LastSequence, stored[^1].Sequence, decoded);
            session.LastSequence = stored[^1].Sequence;
        }
    }

    /// <summary>
    /// <see cref="SessionsAsync"/> for units whose sessions may each fail alone: when reading them together fails, each is
    /// had on its own, and one that cannot be had is logged and left out (its session is rebuilt on its next use).
    /// </summary>
    private async Task<List<(RunningUnit Unit, UnitSession Session)>> TrySessionsAsync(IReadOnlyList<RunningUnit> units, CancellationToken ct)
    {
        if (units.Count > 1 && units.DistinctBy(u => u.Unit.Id).Count() == units.Count)
        {
            try
            {
                return await SessionsAsync(units, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reading the sessions of {Count} units together failed; each is had on its own", units.Count);
            }
        }

        var sessions = new List<(RunningUnit Unit, UnitSession Session)>(units.Count);
        foreach (var unit in units)
        {
            try
            {
                sessions.Add(await SessionAsync(unit, ct).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _cache.Remove(unit.SessionKey);
                logger.LogError(ex, "The session of {Unit} could not be had; it is rebuilt from the store on its next use", unit.Unit.Id);
            }
        }

        return sessions;
    }

    /// <summary>
    /// The sessions of <paramref name="units"/> (distinct, their locks held by the caller), as <see cref="SessionAsync"/>
    /// has each, but read together: the records of every unit after its kept session's last (all of them for a session
    /// not kept) in one read, the open violations of every unit rebuilt in one read, and what the rebuilt sessions say
    /// persisted in one transaction. A period boundary over thousands of evicted units costs three round trips a batch,
    /// not three a unit. A kept session that fell so far behind that a replay is cheaper is rebuilt on its own, and so is
    /// a unit whose records say it was migrated since this host last looked (it is moved first, as for one unit).
    /// </summary>
    private async Task<List<(RunningUnit Unit, UnitSession Session)>> SessionsAsync(IReadOnlyList<RunningUnit> units, CancellationToken ct)
    {
        var kept = units.Select(u => _cache.Get(u.SessionKey)).ToArray();
        var read = await records.ReadUnitsAsync([.. units.Select((u, i) => new UnitRecordsAfter(u.Unit.Id, kept[i]?.LastSequence ?? 0))], ct).ConfigureAwait(false);
        var stored = read.GroupBy(r => r.Unit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<StoredRecord>)[.. g], StringComparer.Ordinal);
        var sessions = new UnitSession?[units.Count];
        var current = units.ToArray();
        var rebuilt = new List<int>();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var own = stored.GetValueOrDefault(unit.Unit.Id) ?? [];
            if (MigrationFollower.Pending(unit, own) is not null)
            {
                (current[i], sessions[i], _) = await RebuildAsync(unit, true, ct).ConfigureAwait(false);
            }
            else if (kept[i] is null)
            {
                rebuilt.Add(i);
            }
            else
            {
                sessions[i] = await CatchUpFromAsync(unit, kept[i]!, own, ct).ConfigureAwait(false)
                    ? kept[i]
                    : (await RebuildAsync(unit, false, ct).ConfigureAwait(false)).Session;
            }
        }

        if (rebuilt.Count > 0)
        {
            var open = await verdicts.ReadOpenManyAsync([.. rebuilt.Select(i => units[i])], ct).ConfigureAwait(false);
            var built = new List<(RunningUnit Unit, UnitSession Session)>(rebuilt.Count);
            foreach (var i in rebuilt)
            {
                var unit = units[i];
                var replayed = stored.GetValueOrDefault(unit.Unit.Id) ?? [];
                var compliance = new UnitCompliance(unit.Compiled.Rules, unit.Unit.Id);
                compliance.Record(MigrationMark.Decoded(replayed));
                var session = new UnitSession(compliance, open[unit.Unit.Id])
                {
                    LastSequence = replayed.Count > 0 ? replayed[^1].Sequence : 0,
                    BuiltAt = Stopwatch.GetTimestamp(),
                };
                await ReadBelowAsync(unit, session, ct).ConfigureAwait(false);
                built.Add((unit, session));
                sessions[i] = session;
            }

            // Reconciled at once, as one rebuild is, but every unit's difference to its open rows in one transaction.
            await verdicts.AdvanceManyAsync(built, clock.GetUtcNow(), ct).ConfigureAwait(false);
            foreach (var (unit, session) in built)
            {
                _cache.Put(unit.SessionKey, session);
                metrics.SessionRebuilt();
            }

            logger.LogDebug("Rebuilt the sessions of {Count} units together from their stored records", built.Count);
        }

        return [.. current.Select((u, i) => (u, sessions[i]!))];
    }

    /// <summary>
    /// For a body: the records of the units below it that its requirements over them read, stored after the last its
    /// session saw (all of them for a new session). A unit's own recording also hands its records to the bodies above
    /// (<see cref="Bodies.BodiesAbove"/>), so one committed out of sequence order on a shared database is not missed.
    /// </summary>
    private async Task ReadBelowAsync(RunningUnit unit, UnitSession session, CancellationToken ct)
    {
        if (unit.Below is not { } below)
        {
            return;
        }

        var stored = await records.ReadKindsAsync(below.Kinds, session.LastBelowSequence, cancellationToken: ct).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            session.Compliance.RecordBelow(stored.Where(r => below.Units.Contains(r.Unit)).Select(RecordCodec.Decode));
            session.LastBelowSequence = stored[^1].Sequence;
        }
    }
}
