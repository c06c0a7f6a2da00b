using System.Globalization;
using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>
/// A real process appending records is killed (SIGKILL, no graceful close) mid-stream; the reopened database
/// holds every record of every batch it acknowledged, exactly, and no partial batch.
/// </summary>
public sealed class RecordDurabilityTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task A_killed_recorder_loses_no_acknowledged_record()
    {
        const int killAfter = 300;
        var lastAck = 0;
        using (var child = ChildProcess.Start(DurableRecorder.Mode, _database.Path, "1000000"))
        {
            while (lastAck < killAfter)
            {
                var line = child.ReadLine(TimeSpan.FromSeconds(60));
                line.ShouldNotBeNull($"the recorder stopped early; stderr: {child.Errors}");
                lastAck = Ack(line);
            }
            child.Kill();
            foreach (var line in child.DrainLines())
            {
                lastAck = Math.Max(lastAck, Ack(line));
            }
        }
        output.WriteLine($"killed the recorder after {lastAck} acknowledged batches");

        using (var check = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            ((string?)command.ExecuteScalar()).ShouldBe("ok");
        }

        await using var stores = SqliteCampaignStores.Open(_database.Path);
        var stored = await stores.Records.ReadUnitAsync(CampaignSamples.Unit);
        // Whole batches only: at most one more than acknowledged (killed between commit and print).
        (stored.Count % DurableRecorder.BatchSize).ShouldBe(0);
        var committed = stored.Count / DurableRecorder.BatchSize;
        committed.ShouldBeInRange(lastAck, lastAck + 1);
        stored.Select(r => r.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        var expected = Enumerable.Range(1, committed).SelectMany(DurableRecorder.Batch).ToList();
        stored.Select(r => r with { Sequence = 0 }).ShouldBe(expected);
        (await stores.Records.CountUnitAsync(CampaignSamples.Unit)).ShouldBe(stored.Count);
    }

    private static int Ack(string line)
    {
        line.ShouldStartWith("ack ");
        return int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _database.Dispose();
}
