namespace CampaignFlow.Campaigns.Storage.InMemory;

/// <summary>
/// The in-memory store's tallies: each unit's open rows by plan version and requirement, and its open count's change
/// per day, kept as rows change so a roll-up never walks every violation.
/// </summary>
/// <remarks>Not thread-safe: the store calls it under its lock.</remarks>
internal sealed class OpenViolationIndex
{
    private readonly Dictionary<string, Dictionary<(string PlanId, int Version, string Requirement), Dictionary<string, StoredViolation>>> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<DateOnly, int>> _changes = new(StringComparer.Ordinal);

    /// <summary>Takes in a row as it was (or null) and as it is now.</summary>
    public void Apply(StoredViolation? before, StoredViolation after)
    {
        var wasOpen = before is { Status: ViolationStatus.Open };
        var isOpen = after.Status == ViolationStatus.Open;
        var key = (after.PlanId, after.PlanVersion, after.RequirementId);
        if (!_open.TryGetValue(after.Unit, out var unit))
        {
            _open[after.Unit] = unit = [];
        }

        if (!unit.TryGetValue(key, out var rows))
        {
            unit[key] = rows = new Dictionary<string, StoredViolation>(StringComparer.Ordinal);
        }

        if (isOpen)
        {
            rows[after.Id] = after;
        }
        else
        {
            rows.Remove(after.Id);
        }

        if (wasOpen != isOpen)
        {
            Change(after.Unit, isOpen ? Day(after.OpenedAt) : Day(after.ResolvedAt ?? after.ChangedAt), isOpen ? 1 : -1);
        }
    }

    /// <summary>The tallies of <paramref name="units"/>, ordered as <see cref="IViolationStore.TallyOpenAsync"/> says.</summary>
    public IReadOnlyList<OpenViolationTally> Tally(IReadOnlyCollection<string> units) =>
        units.Distinct(StringComparer.Ordinal)
            .SelectMany(u => _open.GetValueOrDefault(u) ?? [])
            .Where(entry => entry.Value.Count > 0)
            .Select(entry =>
            {
                var rows = entry.Value.Values;
                var first = rows.First();
                return new OpenViolationTally(first.Unit, entry.Key.PlanId, entry.Key.Version, entry.Key.Requirement, rows.Count,
                    rows.Min(v => v.PeriodEnd), rows.Min(v => Day(v.OpenedAt)));
            })
            .OrderBy(t => t.Unit, StringComparer.Ordinal).ThenBy(t => t.PlanId, StringComparer.Ordinal).ThenBy(t => t.PlanVersion)
            .ThenBy(t => t.RequirementId, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The changes of <paramref name="units"/> per day, summed over the units.</summary>
    public IReadOnlyList<OpenViolationChange> Changes(IReadOnlyCollection<string> units) =>
        units.Distinct(StringComparer.Ordinal)
            .SelectMany(u => _changes.GetValueOrDefault(u) ?? [])
            .GroupBy(c => c.Key)
            .Select(g => new OpenViolationChange(g.Key, g.Sum(c => c.Value)))
            .Where(c => c.Change != 0)
            .OrderBy(c => c.Day)
            .ToArray();

    // The day by the unit's clock, as the instant was written (its offset is the unit's).
    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.DateTime);

    private void Change(string unit, DateOnly day, int by)
    {
        if (!_changes.TryGetValue(unit, out var days))
        {
            _changes[unit] = days = [];
        }

        days[day] = days.GetValueOrDefault(day) + by;
    }
}
