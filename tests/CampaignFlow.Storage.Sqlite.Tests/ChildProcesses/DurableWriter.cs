using System.Globalization;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;

/// <summary>
/// Child mode: commits step after step to one instance, printing <c>ack N</c> only after step N's commit
/// returned. Each step is a signal enqueued plus one commit (state, journal entry, timer, bookmark). The
/// parent kills this process at an arbitrary moment and checks that every acknowledged step is on disk.
/// </summary>
internal static class DurableWriter
{
    public const string Mode = "durable-writer";
    public const string InstanceId = "durable";

    public static async Task<int> RunAsync(string databasePath, int steps)
    {
        using var store = SqliteWorkflowStore.Open(databasePath);
        var state = Samples.State(InstanceId, "unit-1");
        if ((await store.CommitAsync(new WorkflowCommit { Instance = state, ExpectedVersion = 0 })).Status != CommitStatus.Committed)
        {
            return 3;
        }

        Console.WriteLine("ack 0");

        for (var step = 1; step <= steps; step++)
        {
            var key = StepKey(step);
            if (!(await store.EnqueueSignalAsync(Samples.Item(key))).Accepted)
            {
                return 4;
            }

            var expected = state.Version;
            state.Version = expected + 1;
            state.UpdatedAt = Samples.T0.AddMinutes(step);
            state.Variables = new() { ["step"] = step.ToString(CultureInfo.InvariantCulture) };
            var timer = Samples.Timer(InstanceId, "t" + step.ToString(CultureInfo.InvariantCulture), Samples.T0.AddMinutes(step));
            state.Timers.Add(timer);
            var result = await store.CommitAsync(new WorkflowCommit
            {
                Instance = state,
                ExpectedVersion = expected,
                Journal = [Samples.Entry(InstanceId, step, JournalEventKind.Note, detail: key)],
                TimersScheduled = [timer],
                BookmarksAdded = [new BookmarkKey("step", key)],
            });
            if (result.Status != CommitStatus.Committed)
            {
                return 5;
            }
            // Console.Out autoflushes: once this line is written the parent may count the step as acknowledged.
            Console.WriteLine("ack " + step.ToString(CultureInfo.InvariantCulture));
        }
        return 0;
    }

    public static string StepKey(int step) => "step-" + step.ToString(CultureInfo.InvariantCulture);
}
