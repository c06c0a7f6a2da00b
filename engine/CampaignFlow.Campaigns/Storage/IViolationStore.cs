namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// Violations with their lifecycle and history. Applying what a session says is idempotent, so a session rebuilt
/// after a restart may say it again without adding history.
/// </summary>
/// <threadsafety>Implementations must be safe for concurrent use by many hosts.</threadsafety>
public interface IViolationStore
{
    /// <summary>
    /// Applies updates in order, in one transaction. An open update inserts a new row (<see cref="ViolationEventKind.Opened"/>),
    /// re-opens a resolved one (<see cref="ViolationEventKind.Reopened"/>), changes an open row whose details,
    /// messages or columns differ (<see cref="ViolationEventKind.Changed"/>), or does nothing when the open row
    /// is the same. A resolve update resolves an open row (<see cref="ViolationEventKind.Resolved"/>) and does
    /// nothing otherwise. A change of a <see cref="ViolationUpdate.Quiet"/> update changes the row and stores no
    /// event. Each event stores the update's <see cref="ViolationUpdate.EventDetails"/>. Returns the events it stored.
    /// </summary>
    ValueTask<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken cancellationToken = default);

    /// <summary>The violation with this id, open or resolved.</summary>
    ValueTask<StoredViolation?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A page of the violations matching <paramref name="query"/>, with the total count.</summary>
    ValueTask<ViolationPage> QueryAsync(ViolationQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every violation matching <paramref name="query"/> (its offset and limit ignored), in the query order, read as
    /// the caller consumes them, so an export of a province's violations never holds them all. This default pages
    /// through <see cref="QueryAsync"/>; stores that can hold one reader open override it.
    /// </summary>
    async IAsyncEnumerable<StoredViolation> StreamAsync(ViolationQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const int page = 1000;
        for (var offset = 0; ; offset += page)
        {
            var items = (await QueryAsync(query with { Offset = offset, Limit = page }, cancellationToken).ConfigureAwait(false)).Items;
            foreach (var item in items)
            {
                yield return item;
            }

            if (items.Count < page)
            {
                yield break;
            }
        }
    }

    /// <summary>A violation's history, oldest first.</summary>
    ValueTask<IReadOnlyList<ViolationEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The ids of a unit's open violations for one plan version (to reconcile a rebuilt session).</summary>
    ValueTask<IReadOnlyList<string>> OpenIdsAsync(string unit, string planId, int planVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tallies of open violations of <paramref name="units"/>, one per unit, plan version and requirement with at
    /// least one open violation, ordered by unit, plan, version and requirement. Kept in the transaction of
    /// <see cref="ApplyAsync"/>, so reading them costs what the tallies are, not what the violations are.
    /// </summary>
    ValueTask<IReadOnlyList<OpenViolationTally>> TallyOpenAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default);

    /// <summary>
    /// How the number of open violations of <paramref name="units"/> changed per day (by the units' clocks), days in
    /// order, days without change left out. Kept in the transaction of <see cref="ApplyAsync"/>, per unit and day.
    /// </summary>
    ValueTask<IReadOnlyList<OpenViolationChange>> OpenChangesByDayAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default);
}
