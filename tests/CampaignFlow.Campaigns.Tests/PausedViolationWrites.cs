using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A host slowed down at the worst moment: its first write of one unit's violations waits until the test lets it go,
/// after it judged the records it read. Every other call goes straight through.
/// </summary>
/// <param name="inner">The store written to.</param>
/// <param name="unit">The unit whose first write waits.</param>
/// <param name="cancellable">False for a write that a cancelled caller cannot call back once begun (a commit).</param>
internal sealed class PausedViolationWrites(IViolationStore inner, string unit, bool cancellable = true) : DelegatingViolationStore(inner)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _paused;

    /// <summary>Completes when the write is waiting.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the waiting write go on.</summary>
    public void Go() => _go.TrySetResult();

    public override async ValueTask<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken cancellationToken = default)
    {
        if (updates.Any(u => u.Violation.Unit == unit) && Interlocked.Exchange(ref _paused, 1) == 0)
        {
            _reached.TrySetResult();
            await _go.Task.WaitAsync(cancellable ? cancellationToken : CancellationToken.None);
        }

        return await base.ApplyAsync(updates, cancellationToken);
    }
}
