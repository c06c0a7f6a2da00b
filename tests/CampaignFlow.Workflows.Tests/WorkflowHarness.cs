using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence.InMemory;
using CampaignFlow.Workflows.Runtime;
using CampaignFlow.Workflows.Signals;
using CampaignFlow.Workflows.Timing;

namespace CampaignFlow.Workflows.Tests;

/// <summary>One runtime on a real in-memory store and a manual clock, with shorthand for the tests.</summary>
internal sealed class WorkflowHarness
{
    public static readonly DateTimeOffset Start = new(2014, 1, 20, 8, 0, 0, TimeSpan.FromHours(8));

    public WorkflowHarness(params Activity[] roots)
    {
        Clock = new ManualClock(Start);
        Store = new InMemoryWorkflowStore();
        Definitions = new WorkflowDefinitionRegistry();
        for (var i = 0; i < roots.Length; i++)
        {
            Definitions.Register(new WorkflowDefinition(i == 0 ? "wf" : $"wf{i}", 1, roots[i]));
        }

        Runtime = NewRuntime("host-1");
    }

    public ManualClock Clock { get; }

    public InMemoryWorkflowStore Store { get; }

    public WorkflowDefinitionRegistry Definitions { get; }

    public WorkflowRuntime Runtime { get; }

    public WorkflowRuntime NewRuntime(string claimer) =>
        new(Store, Definitions, Clock, new WorkflowRuntimeOptions { ClaimerId = claimer, InboxRetention = TimeSpan.FromDays(30) });

    public async Task<string> StartAsync(string correlation = "c1", string definition = "wf") =>
        (await Runtime.StartAsync(definition, correlation)).InstanceId;

    public Task<SignalResult> SignalAsync(string name, string correlation = "c1", string? outcome = null, string? key = null, string? sender = null) =>
        Runtime.SendSignalAsync(new Signal(name, correlation) { Outcome = outcome, IdempotencyKey = key, Sender = sender });

    public async Task<int> AdvanceAsync(TimeSpan step)
    {
        Clock.Advance(step);
        return await Runtime.RunDueTimersAsync();
    }

    public async Task<int> AdvanceToAsync(DateTimeOffset time)
    {
        Clock.SetTo(time);
        return await Runtime.RunDueTimersAsync();
    }

    public async Task<WorkflowInstanceState> StateAsync(string instanceId) =>
        (await Runtime.GetInstanceAsync(instanceId)).ShouldNotBeNull();

    public async Task<WorkflowStatus> StatusAsync(string instanceId) => (await StateAsync(instanceId)).Status;

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) => Runtime.GetJournalAsync(instanceId);

    public async Task<IReadOnlyList<string>> CompletedAsync(string instanceId) =>
        (await JournalAsync(instanceId)).Where(e => e.Kind == JournalEventKind.ActivityCompleted).Select(e => e.ActivityId!).ToList();

    public async Task<IReadOnlyList<string>> BookmarksAsync(string instanceId) =>
        (await StateAsync(instanceId)).Bookmarks.Select(b => b.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
}
