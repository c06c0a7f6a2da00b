using System.Collections.Concurrent;
using System.Diagnostics;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Rollups;

/// <summary>
/// The store's tallies of open violations (<see cref="IViolationStore.TallyOpenAsync"/>) of every running unit, held in
/// memory so a roll-up of a body of thousands of units reads none of them from the store (docs/adr/0017). Read whole
/// from the store on first use; a unit this host writes violations of is marked changed after the write and read
/// again (its tallies alone) by the next reader; when other hosts write the same store, the whole is read again at
/// most every <c>fullReadEvery</c>, off the readers' path (the ticker's pass).
/// </summary>
/// <remarks>
/// A mark follows the store's commit, and a reader takes the marks before it reads, so every committed write is seen
/// by the first read that starts after its mark. A whole read never overwrites a unit a reader read again after the
/// whole read began: that read saw as much or more.
/// </remarks>
/// <threadsafety>Safe for concurrent use.</threadsafety>
internal sealed class OpenTallyMirror(IViolationStore violations, IReadOnlyCollection<string> units, TimeSpan? fullReadEvery)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);
    // Which read of a unit's tallies was last applied (a running count of reads), so a whole read that began before
    // it does not put back an older view.
    private readonly Dictionary<string, long> _readAt = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, OpenViolationTally[]>? _byUnit;
    private long _reads;
    private long _wholeReadAt = Stopwatch.GetTimestamp();
    private long _version;

    /// <summary>True once the tallies were read (a roll-up asked): until then nothing is kept or refreshed.</summary>
    public bool IsLoaded => Volatile.Read(ref _byUnit) is not null;

    /// <summary>
    /// Moves on whenever what the store holds of the violations may have changed: this host wrote some (a mark), or,
    /// on shared stores, another host may have (each interval). Figures read from the store under one version stay
    /// right while it does not move.
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>After the store applied violation updates of <paramref name="changedUnits"/> (or failed to): their tallies are read again before the next roll-up.</summary>
    public void MarkChanged(IEnumerable<string> changedUnits)
    {
        foreach (var unit in changedUnits)
        {
            _changed[unit] = 0;
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>The tallies of <paramref name="of"/>, grouped by unit in the order given, each unit's in the store's order.</summary>
    public async Task<IReadOnlyList<OpenViolationTally>> TalliesAsync(IReadOnlyCollection<string> of, CancellationToken ct)
    {
        var byUnit = await CurrentAsync(ct).ConfigureAwait(false);
        var tallies = new List<OpenViolationTally>();
        foreach (var unit in of)
        {
            if (byUnit.TryGetValue(unit, out var own))
            {
                tallies.AddRange(own);
            }
        }

        return tallies;
    }

    /// <summary>
    /// Reads every unit's tallies again (once they were read) and moves <see cref="Version"/> on when other hosts may
    /// have written them and the last whole read is older than <c>fullReadEvery</c>; nothing when this host is the
    /// store's only writer.
    /// </summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        if (fullReadEvery is not { } every || Stopwatch.GetElapsedTime(Interlocked.Read(ref _wholeReadAt)) < every)
        {
            return;
        }

        if (IsLoaded)
        {
            await ReadWholeAsync(ct).ConfigureAwait(false);
        }
        else
        {
            Interlocked.Exchange(ref _wholeReadAt, Stopwatch.GetTimestamp());
        }

        // Another host may have written anything meanwhile.
        Interlocked.Increment(ref _version);
    }

    private async Task<ConcurrentDictionary<string, OpenViolationTally[]>> CurrentAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _byUnit) is null)
        {
            await ReadFirstAsync(ct).ConfigureAwait(false);
        }

        var byUnit = Volatile.Read(ref _byUnit)!;
        if (_changed.IsEmpty)
        {
            return byUnit;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        var changed = new List<string>();
        try
        {
            foreach (var unit in _changed.Keys)
            {
                if (_changed.TryRemove(unit, out _))
                {
                    changed.Add(unit);
                }
            }

            if (changed.Count > 0)
            {
                var read = Interlocked.Increment(ref _reads);
                var fresh = ByUnit(await violations.TallyOpenAsync(changed, ct).ConfigureAwait(false));
                foreach (var unit in changed)
                {
                    Put(byUnit, unit, fresh.GetValueOrDefault(unit));
                    _readAt[unit] = read;
                }
            }
        }
        catch
        {
            // Not read: the next reader reads them.
            MarkChanged(changed);
            throw;
        }
        finally
        {
            _gate.Release();
        }

        return byUnit;
    }

    // Readers wait for the first read: there is nothing to give them before it.
    private async Task ReadFirstAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_byUnit is not null)
            {
                return;
            }

            // A mark before this read is covered by it.
            _changed.Clear();
            var started = Stopwatch.GetTimestamp();
            var fresh = ByUnit(await violations.TallyOpenAsync(units, ct).ConfigureAwait(false));
            var byUnit = new ConcurrentDictionary<string, OpenViolationTally[]>(fresh, StringComparer.Ordinal);
            Interlocked.Exchange(ref _wholeReadAt, started);
            Volatile.Write(ref _byUnit, byUnit);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Read without the gate, so readers go on meanwhile with the units they mark changed.
    private async Task ReadWholeAsync(CancellationToken ct)
    {
        var began = Interlocked.Increment(ref _reads);
        var started = Stopwatch.GetTimestamp();
        var fresh = ByUnit(await violations.TallyOpenAsync(units, ct).ConfigureAwait(false));
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var byUnit = _byUnit!;
            foreach (var unit in units)
            {
                if (_readAt.GetValueOrDefault(unit) < began)
                {
                    Put(byUnit, unit, fresh.GetValueOrDefault(unit));
                }
            }

            Interlocked.Exchange(ref _wholeReadAt, started);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Dictionary<string, OpenViolationTally[]> ByUnit(IReadOnlyList<OpenViolationTally> tallies) =>
        tallies.GroupBy(t => t.Unit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static void Put(ConcurrentDictionary<string, OpenViolationTally[]> byUnit, string unit, OpenViolationTally[]? tallies)
    {
        if (tallies is { Length: > 0 })
        {
            byUnit[unit] = tallies;
        }
        else
        {
            byUnit.TryRemove(unit, out _);
        }
    }
}
