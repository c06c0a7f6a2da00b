using CampaignFlow.Workflows.Partitions;

namespace CampaignFlow.Workflows.Runtime;

/// <summary>Tuning of a <see cref="WorkflowRuntime"/>; the defaults suit one host or several.</summary>
public sealed class WorkflowRuntimeOptions
{
    /// <summary>This runtime's name in timer and inbox claims; unique per host process.</summary>
    public string ClaimerId { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>How long a claim on a due timer keeps other hosts off it (default 1 minute).</summary>
    public TimeSpan TimerLease { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a claim on an inbox item lasts (default 30 seconds). A parked signal is re-examined by
    /// <see cref="WorkflowRuntime.ProcessInboxAsync"/> at most once per lease.
    /// </summary>
    public TimeSpan InboxLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a signal waits in the inbox for its bookmark to appear before it expires (default 90 days:
    /// long enough for a signal that arrives a stage early).
    /// </summary>
    public TimeSpan InboxRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How often one stimulus is retried after optimistic-concurrency conflicts (default 50).</summary>
    public int MaxCommitAttempts { get; init; } = 50;

    /// <summary>How many timers or inbox items are claimed at once (default 256).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Activity calls allowed in one transition before it is faulted as a runaway (default 100,000).</summary>
    public int MaxStepsPerTransition { get; init; } = 100_000;

    /// <summary>
    /// The partitions this runtime works, when hosts sharing a store split the instances among them: due timers and
    /// inbox items are claimed only of those (<see cref="PartitionOwnership.Current"/> at each claim). Null (default):
    /// every instance.
    /// </summary>
    public PartitionOwnership? Partitions { get; init; }
}
