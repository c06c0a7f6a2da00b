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
    /// nothing otherwise. Returns the events it stored.
    /// </summary>
    ValueTask<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken cancellationToken = default);

    /// <summary>The violation with this id, open or resolved.</summary>
    ValueTask<StoredViolation?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A page of the violations matching <paramref name="query"/>, with the total count.</summary>
    ValueTask<ViolationPage> QueryAsync(ViolationQuery query, CancellationToken cancellationToken = default);

    /// <summary>A violation's history, oldest first.</summary>
    ValueTask<IReadOnlyList<ViolationEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The ids of a unit's open violations for one plan version (to reconcile a rebuilt session).</summary>
    ValueTask<IReadOnlyList<string>> OpenIdsAsync(string unit, string planId, int planVersion, CancellationToken cancellationToken = default);
}
