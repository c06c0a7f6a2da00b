namespace CampaignFlow.Campaigns.Storage.InMemory;

/// <summary>An <see cref="IRecordStore"/> in memory, for tests and simulations; gone with the process.</summary>
public sealed class InMemoryRecordStore : IRecordStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Unit, string Key), StoredRecord> _byKey = [];
    private readonly Dictionary<string, List<StoredRecord>> _byUnit = new(StringComparer.Ordinal);
    private long _sequence;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default)
    {
        var results = new List<AppendResult>(records.Count);
        lock (_lock)
        {
            foreach (var record in records)
            {
                if (_byKey.TryGetValue((record.Unit, record.Key), out var stored))
                {
                    results.Add(new AppendResult(record.Key, stored.Payload == record.Payload ? AppendOutcome.Duplicate : AppendOutcome.Conflict, stored));
                    continue;
                }

                var inserted = record with { Sequence = ++_sequence };
                _byKey[(record.Unit, record.Key)] = inserted;
                if (!_byUnit.TryGetValue(record.Unit, out var list))
                {
                    _byUnit[record.Unit] = list = [];
                }

                list.Add(inserted);
                results.Add(new AppendResult(record.Key, AppendOutcome.Inserted, inserted));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<AppendResult>>(results);
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
    public ValueTask<long> CountUnitAsync(string unit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult((long)(_byUnit.TryGetValue(unit, out var list) ? list.Count : 0));
        }
    }
}
