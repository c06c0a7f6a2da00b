using System.Text.Json.Serialization;

namespace CampaignFlow.Workflows.Journal;

/// <summary>What a journal entry records.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JournalEventKind>))]
public enum JournalEventKind
{
    /// <summary>The instance was started.</summary>
    WorkflowStarted,
    /// <summary>The root activity completed.</summary>
    WorkflowCompleted,
    /// <summary>The instance was cancelled.</summary>
    WorkflowCancelled,
    /// <summary>An activity execution started.</summary>
    ActivityStarted,
    /// <summary>An activity execution completed; <see cref="JournalEntry.Name"/> holds its outcome.</summary>
    ActivityCompleted,
    /// <summary>An activity execution was cancelled (by its parent, a window close, or the instance).</summary>
    ActivityCancelled,
    /// <summary>An activity threw; see the incident.</summary>
    ActivityFaulted,
    /// <summary>A bookmark was created.</summary>
    BookmarkCreated,
    /// <summary>A bookmark was resumed by a signal.</summary>
    BookmarkResumed,
    /// <summary>A bookmark was removed without being resumed (its activity ended).</summary>
    BookmarkRemoved,
    /// <summary>A timer was scheduled.</summary>
    TimerScheduled,
    /// <summary>A timer fired.</summary>
    TimerFired,
    /// <summary>A timer was removed without firing.</summary>
    TimerCancelled,
    /// <summary>A signal was applied to this instance; <see cref="JournalEntry.Sender"/> says from whom.</summary>
    SignalReceived,
    /// <summary>An incident was opened.</summary>
    IncidentRecorded,
    /// <summary>An incident was resolved.</summary>
    IncidentResolved,
    /// <summary>A note written by an activity (a window opening or closing, a task handed out…).</summary>
    Note,
}
