using System.Globalization;
using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;

namespace CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;

/// <summary>
/// Child mode: appends batches of records (three activities each, as a unit's client uploads them), printing
/// <c>ack N</c> only after batch N's append returned. The parent kills this process at an arbitrary moment and
/// checks that every record of every acknowledged batch is on disk, exactly.
/// </summary>
internal static class DurableRecorder
{
    public const string Mode = "durable-recorder";
    public const int BatchSize = 3;

    public static async Task<int> RunAsync(string databasePath, int batches)
    {
        await using var stores = SqliteCampaignStores.Open(databasePath);
        for (var batch = 1; batch <= batches; batch++)
        {
            var results = await stores.Records.AppendAsync(Batch(batch));
            if (results.Any(r => r.Outcome != AppendOutcome.Inserted))
            {
                return 3;
            }
            // Console.Out autoflushes: once this line is written the parent may count the batch as acknowledged.
            Console.WriteLine("ack " + batch.ToString(CultureInfo.InvariantCulture));
        }
        return 0;
    }

    /// <summary>The records of batch <paramref name="batch"/>: what the parent expects to find.</summary>
    public static IReadOnlyList<StoredRecord> Batch(int batch) =>
        Enumerable.Range(0, BatchSize)
            .Select(i => CampaignSamples.Study(10 + i, hours: "半天", key: $"study-{batch}-{i}") with { RecordedAt = CampaignSamples.T0.AddMinutes(batch) })
            .ToList();
}
