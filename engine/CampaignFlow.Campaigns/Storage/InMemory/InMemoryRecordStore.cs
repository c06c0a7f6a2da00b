namespace CampaignFlow.Campaigns.Storage.InMemory;

/// <summary>An <see cref="IRecordStore"/> in memory, for tests and simulations; gone with the process.</summary>
public sealed class InMemoryRecordStore : IRecordStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Unit, string Key), StoredRecord> _byKey = [];
    private readonly Dictionary<string, List<StoredRecord>> _byUnit = new(StringComparer.Ordinal);
    private readonly List<StoredRecord> _inOrder = [];
    private readonly SortedDictionary<string, UnitWatermark> _watermarks = new(StringComparer.Ordinal);
    private long _sequence;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            // Judged first, stored after: a batch with a conflict stores nothing.
            var batch = new Dictionary<(string Unit, string Key), StoredRecord>();
            var sequence = _sequence;
            var results = new List<AppendResult>(records.Count);
            foreach (var record in records)
            {
                if ((_byKey.GetValueOrDefault((record.Unit, record.Key)) ?? batch.GetValueOrDefault((record.Unit, record.Key))) is { } stored)
                {
                    results.Add(new AppendResult(record.Key, stored.Payload == record.Payload ? AppendOutcome.Duplicate : AppendOutcome.Conflict, stored));
                    continue;
                }

                var inserted = record with { Sequence = ++sequence };
                batch[(record.Unit, record.Key)] = inserted;
                results.Add(new AppendResult(record.Key, AppendOutcome.Inserted, inserted));
            }

            var outcome = AppendResult.AllOrNothing(results);
            if (outcome.Any(r => r.Outcome == AppendOutcome.Withheld || r.Outcome == AppendOutcome.Conflict))
            {
                return ValueTask.FromResult(outcome);
            }

            _sequence = sequence;
            foreach (var inserted in results.Where(r => r.Outcome == AppendOutcome.Inserted).Select(r => r.Stored))
            {
                _byKey[(inserted.Unit, inserted.Key)] = inserted;
                if (!_byUnit.TryGetValue(inserted.Unit, out var list))
                {
                    _byUnit[inserted.Unit] = list = [];
                }

                list.Add(inserted);
                _inOrder.Add(inserted);
                var mark = _watermarks.GetValueOrDefault(inserted.Unit) ?? new UnitWatermark(inserted.Unit, 0, 0, null);
                _watermarks[inserted.Unit] = mark with { RecordedThrough = Math.Max(mark.RecordedThrough, inserted.Sequence) };
            }

            return ValueTask.FromResult(outcome);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredRecord?> GetAsync(string unit, string key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_byKey.GetValueOrDefault((unit, key)));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredRecord>> ReadUnitAsync(string unit, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<StoredRecord> page = _byUnit.TryGetValue(unit, out var list)
                ? list.Where(r => r.Sequence > afterSequence).Take(maxCount).ToArray()
                : [];
            return ValueTask.FromResult(page);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredRecord>> ReadUnitsAsync(IReadOnlyList<UnitRecordsAfter> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        lock (_lock)
        {
            var read = new List<StoredRecord>();
            foreach (var unit in units)
            {
                if (_byUnit.TryGetValue(unit.Unit, out var list))
                {
                    read.AddRange(list.Where(r => r.Sequence > unit.AfterSequence));
                }
            }

            read.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            return ValueTask.FromResult<IReadOnlyList<StoredRecord>>(read);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredRecord>> ReadKindsAsync(IReadOnlyCollection<string> kinds, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        lock (_lock)
        {
            var wanted = kinds.ToHashSet(StringComparer.Ordinal);
            var first = _inOrder.FindIndex(r => r.Sequence > afterSequence);
            IReadOnlyList<StoredRecord> page = first < 0
                ? []
                : _inOrder.Skip(first).Where(r => wanted.Contains(r.Kind)).Take(maxCount).ToArray();
            return ValueTask.FromResult(page);
        }
    }

    /// <inheritdoc />
    public ValueTask<long> CountUnitAsync(string unit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult((long)(_byUnit.TryGetValue(unit, out var list) ? list.Count : 0));
        }
    }

    /// <inheritdoc />
    public ValueTask<UnitWatermark?> GetWatermarkAsync(string unit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_watermarks.GetValueOrDefault(unit));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<UnitWatermark>> GetWatermarksAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<UnitWatermark>>([.. units.Distinct(StringComparer.Ordinal).Select(_watermarks.GetValueOrDefault).OfType<UnitWatermark>()]);
        }
    }

    /// <inheritdoc />
    public ValueTask EnsureWatermarksAsync(IReadOnlyCollection<string> units, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        lock (_lock)
        {
            foreach (var unit in units)
            {
                _watermarks.TryAdd(unit, new UnitWatermark(unit, 0, 0, dueAt));
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask MarkJudgedAsync(string unit, long judgedThrough, DateTimeOffset? dueAt, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var mark = _watermarks.GetValueOrDefault(unit) ?? new UnitWatermark(unit, 0, 0, null);
            _watermarks[unit] = mark with { JudgedThrough = Math.Max(mark.JudgedThrough, judgedThrough), DueAt = dueAt };
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<UnitWatermark>> UnitsBehindAsync(DateTimeOffset now, string? afterUnit = null, int maxCount = 256, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<UnitWatermark>>(_watermarks.Values
                .Where(w => afterUnit is null || string.CompareOrdinal(w.Unit, afterUnit) > 0)
                .Where(w => w.IsBehind(now))
                .Take(maxCount)
                .ToArray());
        }
    }
}
