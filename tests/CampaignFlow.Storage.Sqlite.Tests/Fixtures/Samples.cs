using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Storage.Sqlite.Tests.Fixtures;

/// <summary>Small instance states, timers, journal entries and inbox items for the store tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2014, 2, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static WorkflowInstanceState State(string id, string correlation) => new()
    {
        InstanceId = id,
        DefinitionId = "def",
        DefinitionVersion = 1,
        CorrelationKey = correlation,
        Status = WorkflowStatus.Running,
        Version = 1,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    public static ScheduledTimer Timer(string instanceId, string id, DateTimeOffset due) =>
        new() { Id = id, InstanceId = instanceId, ExecutionId = 1, DueAt = due, Tag = "tag" };

    public static JournalEntry Entry(string instanceId, long sequence, JournalEventKind kind, string? sender = null, string? detail = null) =>
        new() { InstanceId = instanceId, Sequence = sequence, At = T0.AddMinutes(sequence), Kind = kind, Sender = sender, Detail = detail };

    public static InboxItem Item(string key, string name = "approved", string? correlation = null) => new()
    {
        Id = key + "-item",
        IdempotencyKey = key,
        Signal = new Signal(name, correlation ?? key) { IdempotencyKey = key, Sender = "tester" },
        ReceivedAt = T0,
        ExpiresAt = T0.AddDays(30),
        Status = InboxItemStatus.Pending,
    };

    /// <summary>A new instance with one due timer, as a commit.</summary>
    public static WorkflowCommit NewInstanceWithTimer(string id, DateTimeOffset due)
    {
        var state = State(id, "c-" + id);
        var timer = Timer(id, "t1", due);
        state.Timers.Add(timer);
        return new WorkflowCommit { Instance = state, ExpectedVersion = 0, TimersScheduled = [timer] };
    }

    /// <summary>Fires a claimed timer the way the runtime does: remove it from state and index under the version check, journalling who fired it.</summary>
    public static async Task<CommitStatus> FireAsync(IWorkflowStore store, ScheduledTimer timer, string firedBy)
    {
        var state = (await store.GetInstanceAsync(timer.InstanceId))!;
        var expected = state.Version;
        state.Version = expected + 1;
        state.Timers.RemoveAll(t => t.Id == timer.Id);
        var result = await store.CommitAsync(new WorkflowCommit
        {
            Instance = state,
            ExpectedVersion = expected,
            TimersRemoved = [timer],
            Journal = [Entry(timer.InstanceId, expected, JournalEventKind.TimerFired, sender: firedBy)],
        });
        return result.Status;
    }
}
