using System.Globalization;
using CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using CampaignFlow.Workflows.Instances;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CampaignFlow.Storage.Sqlite.Tests;

/// <summary>
/// A real writer process is killed (SIGKILL, no graceful close) in the middle of committing; the reopened
/// database holds every step it acknowledged, whole, and nothing torn.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task A_killed_writer_loses_no_acknowledged_step()
    {
        const int killAfter = 300;
        var lastAck = -1;
        using (var child = ChildProcess.Start(DurableWriter.Mode, _database.Path, "1000000"))
        {
            // Read acknowledgements until enough have arrived, then kill while the writer is mid-stream.
            while (lastAck < killAfter)
            {
                var line = child.ReadLine(TimeSpan.FromSeconds(60));
                line.ShouldNotBeNull($"the writer stopped early; stderr: {child.Errors}");
                lastAck = Ack(line);
            }
            child.Kill();
            // Acknowledgements already in the pipe when it died count too.
            foreach (var line in child.DrainLines())
            {
                lastAck = Math.Max(lastAck, Ack(line));
            }
        }
        output.WriteLine($"killed the writer after {lastAck} acknowledged steps");

        using (var check = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            ((string?)command.ExecuteScalar()).ShouldBe("ok");
        }

        using var store = SqliteWorkflowStore.Open(_database.Path);
        var state = await store.GetInstanceAsync(DurableWriter.InstanceId);
        state.ShouldNotBeNull();
        // At most one more step than acknowledged may have committed (killed between commit and print).
        var committed = state.Version - 1;
        committed.ShouldBeInRange(lastAck, lastAck + 1);
        state.Variables!["step"].ShouldBe(committed.ToString(CultureInfo.InvariantCulture));
        state.Timers.Count.ShouldBe((int)committed);

        var journal = await store.GetJournalAsync(DurableWriter.InstanceId);
        journal.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, (int)committed).Select(i => (long)i));
        for (var step = 1; step <= lastAck; step++)
        {
            var key = DurableWriter.StepKey(step);
            (await store.GetInboxItemAsync(key + "-item")).ShouldNotBeNull(key);
            (await store.FindInstancesByBookmarkAsync(new BookmarkKey("step", key))).ShouldBe([DurableWriter.InstanceId], key);
        }
        var due = await store.ClaimDueTimersAsync(Samples.T0.AddMinutes(committed), "checker", TimeSpan.FromMinutes(1), 1_000_000);
        due.Count.ShouldBe((int)committed);
    }

    private static int Ack(string line)
    {
        line.ShouldStartWith("ack ");
        return int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _database.Dispose();
}
