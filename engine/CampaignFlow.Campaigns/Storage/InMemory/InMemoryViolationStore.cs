namespace CampaignFlow.Campaigns.Storage.InMemory;

/// <summary>An <see cref="IViolationStore"/> in memory, for tests and simulations.</summary>
public sealed class InMemoryViolationStore : IViolationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StoredViolation> _rows = new(StringComparer.Ordinal);
    private readonly List<ViolationEvent> _events = [];
    private readonly OpenViolationIndex _index = new();

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken cancellationToken = default)
    {
        var stored = new List<ViolationEvent>();
        lock (_lock)
        {
            foreach (var update in updates)
            {
                var id = update.Violation.Id;
                _rows.TryGetValue(id, out var row);
                var (kind, next) = ViolationLifecycle.Apply(row, update);
                if (kind is not { } happened)
                {
                    continue;
                }

                _rows[id] = next!;
                _index.Apply(row, next!);
                if (happened == ViolationEventKind.Changed && update.Quiet)
                {
                    continue;
                }

                var entry = new ViolationEvent(id, happened, update.At, update.EventDetails) { Sequence = _events.Count + 1 };
                _events.Add(entry);
                stored.Add(entry);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<ViolationEvent>>(stored);
    }

    /// <inheritdoc />
    public ValueTask<StoredViolation?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_rows.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<ViolationPage> QueryAsync(ViolationQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var matching = _rows.Values
                .Where(v => query.Units is null || query.Units.Contains(v.Unit))
                .Where(v => query.PlanId is null || v.PlanId == query.PlanId)
                .Where(v => query.RequirementId is null || v.RequirementId == query.RequirementId)
                .Where(v => query.PhaseId is null || v.PhaseId == query.PhaseId)
                .Where(v => query.Period is null || v.Period == query.Period)
                .Where(v => query.Severity is null || v.Severity == query.Severity)
                .Where(v => query.Status is null || v.Status == query.Status)
                .Where(v => query.From is null || v.PeriodEnd >= query.From)
                .Where(v => query.To is null || v.PeriodStart <= query.To)
                .OrderBy(v => v.PeriodEnd).ThenBy(v => v.Id, StringComparer.Ordinal)
                .ToArray();
            return ValueTask.FromResult(new ViolationPage(matching.Skip(query.Offset).Take(query.Limit).ToArray(), matching.Length));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ViolationEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<ViolationEvent>>(_events.Where(e => e.ViolationId == id).ToArray());
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> OpenIdsAsync(string unit, string planId, int planVersion, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<string>>(_rows.Values
                .Where(v => v.Unit == unit && v.PlanId == planId && v.PlanVersion == planVersion && v.Status == ViolationStatus.Open)
                .Select(v => v.Id).Order(StringComparer.Ordinal).ToArray());
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OpenViolationTally>> TallyOpenAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        lock (_lock)
        {
            return ValueTask.FromResult(_index.Tally(units));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OpenViolationChange>> OpenChangesByDayAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        lock (_lock)
        {
            return ValueTask.FromResult(_index.Changes(units));
        }
    }
}
