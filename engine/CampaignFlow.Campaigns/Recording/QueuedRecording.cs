using System.Diagnostics;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Units;

namespace CampaignFlow.Campaigns.Recording;

/// <summary>
/// One caller's recording waiting in the <see cref="RecordingQueue"/> for its group: what to record, and where its own
/// answer goes once the group has done with it.
/// </summary>
/// <param name="unit">The unit.</param>
/// <param name="text">The records.</param>
/// <param name="format">The text's format.</param>
/// <param name="recordedBy">Who records.</param>
/// <param name="policy">What the caller may store.</param>
/// <param name="cancellation">The caller's; a recording cancelled before its group takes it is never run.</param>
internal sealed class QueuedRecording(RunningUnit unit, string text, RecordFormat format, string recordedBy, RecordPolicy policy, CancellationToken cancellation)
{
    // Continuations run elsewhere, so answering one caller never runs the rest of its request on the group's thread.
    private readonly TaskCompletionSource<RecordingResult> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The unit.</summary>
    public RunningUnit Unit { get; } = unit;

    /// <summary>The records.</summary>
    public string Text { get; } = text;

    /// <summary>The text's format.</summary>
    public RecordFormat Format { get; } = format;

    /// <summary>Who records.</summary>
    public string RecordedBy { get; } = recordedBy;

    /// <summary>What the caller may store.</summary>
    public RecordPolicy Policy { get; } = policy;

    /// <summary>The caller's cancellation.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>When it was queued (<see cref="Stopwatch"/> ticks): its time in the meters counts from here, as a wait for the unit's lock did.</summary>
    public long Queued { get; } = Stopwatch.GetTimestamp();

    /// <summary>The caller's answer.</summary>
    public Task<RecordingResult> Answer => _answer.Task;

    /// <summary>True once answered (a result, a failure or a cancellation).</summary>
    public bool IsAnswered => _answer.Task.IsCompleted;

    /// <summary>Answers the caller with its result.</summary>
    public void Complete(RecordingResult result) => _answer.TrySetResult(result);

    /// <summary>Answers the caller with a failure.</summary>
    public void Fail(Exception exception) => _answer.TrySetException(exception);

    /// <summary>Answers the caller that it was cancelled (nothing of it was run).</summary>
    public void Cancel() => _answer.TrySetCanceled(Cancellation);
}
