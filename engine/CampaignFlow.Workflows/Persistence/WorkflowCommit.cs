using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;

namespace CampaignFlow.Workflows.Persistence;

/// <summary>
/// One unit of work: a new instance state plus everything that must change with it. A store applies all
/// of it or none of it, so no crash leaves a state without its journal, timers or inbox bookkeeping.
/// </summary>
/// <remarks>The runtime computes the index deltas, so a store never diffs documents itself.</remarks>
public sealed class WorkflowCommit
{
    /// <summary>The new state; its <see cref="WorkflowInstanceState.Version"/> is <see cref="ExpectedVersion"/> + 1. The store takes ownership.</summary>
    public required WorkflowInstanceState Instance { get; init; }

    /// <summary>The version the caller loaded; 0 creates the instance.</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>Journal entries to append, in sequence order.</summary>
    public IReadOnlyList<JournalEntry> Journal { get; init; } = [];

    /// <summary>Bookmark keys this instance now holds and did not hold before.</summary>
    public IReadOnlyList<BookmarkKey> BookmarksAdded { get; init; } = [];

    /// <summary>Bookmark keys this instance no longer holds.</summary>
    public IReadOnlyList<BookmarkKey> BookmarksRemoved { get; init; } = [];

    /// <summary>Timers to add to the due-time index.</summary>
    public IReadOnlyList<ScheduledTimer> TimersScheduled { get; init; } = [];

    /// <summary>Timers to drop from the due-time index (fired or cancelled), with any claim on them.</summary>
    public IReadOnlyList<ScheduledTimer> TimersRemoved { get; init; } = [];

    /// <summary>
    /// Inbox items applied to this instance in this commit. Each must be pending, and must not have been
    /// delivered to this instance before (else <see cref="CommitStatus.AlreadyDelivered"/>).
    /// </summary>
    public IReadOnlyList<string> InboxDelivered { get; init; } = [];

    /// <summary>Inbox items to mark completed in this commit; each must be pending.</summary>
    public IReadOnlyList<string> InboxCompleted { get; init; } = [];
}
