using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A host slowed down at the worst moment: its first write of one unit's violations waits until the test lets it go,
/// after it judged the records it read. Every other call goes straight through.
/// </summary>
internal sealed class PausedViolationWrites(IViolationStore inner, string unit) : IViolationStore
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _paused;

    /// <summary>Completes when the write is waiting.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the waiting write go on.</summary>
    public void Go() => _go.TrySetResult();

    public async ValueTask<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken cancellationToken = default)
    {
        if (updates.Any(u => u.Violation.Unit == unit) && Interlocked.Exchange(ref _paused, 1) == 0)
        {
            _reached.TrySetResult();
            await _go.Task.WaitAsync(cancellationToken);
        }

        return await inner.ApplyAsync(updates, cancellationToken);
    }

    public ValueTask<StoredViolation?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public ValueTask<ViolationPage> QueryAsync(ViolationQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public ValueTask<IReadOnlyList<ViolationEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default) => inner.GetHistoryAsync(id, cancellationToken);

    public ValueTask<IReadOnlyList<string>> OpenIdsAsync(string unit, string planId, int planVersion, CancellationToken cancellationToken = default) =>
        inner.OpenIdsAsync(unit, planId, planVersion, cancellationToken);

    public ValueTask<IReadOnlyList<OpenViolationTally>> TallyOpenAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default) =>
        inner.TallyOpenAsync(units, cancellationToken);

    public ValueTask<IReadOnlyList<OpenViolationChange>> OpenChangesByDayAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default) =>
        inner.OpenChangesByDayAsync(units, cancellationToken);
}
