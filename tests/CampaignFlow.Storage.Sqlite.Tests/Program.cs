using System.Globalization;
using CampaignFlow.Storage.Sqlite.Tests.Benchmarks;
using CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;

namespace CampaignFlow.Storage.Sqlite.Tests;

/// <summary>
/// The test assembly's own entry point (the test runner never calls it): child-process modes for the tests
/// that must kill a real writer, and the bulk-insert benchmark.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.FirstOrDefault())
        {
            case DurableWriter.Mode when args.Length == 3:
                return await DurableWriter.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
            case DurableRecorder.Mode when args.Length == 3:
                return await DurableRecorder.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
            case ClaimHolder.Mode when args.Length == 3:
                return await ClaimHolder.RunAsync(args[1], args[2]);
            case RaceWorker.Mode when args.Length == 3:
                return await RaceWorker.RunAsync(args[1], args[2]);
            case StoreOpener.Mode when args.Length == 2:
                return StoreOpener.Run(args[1]);
            case BulkInsertBenchmark.Mode:
                return await BulkInsertBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000);
            default:
                await Console.Error.WriteLineAsync($"usage: {DurableWriter.Mode} DB STEPS | {DurableRecorder.Mode} DB BATCHES | {ClaimHolder.Mode} DB CLAIMER | {RaceWorker.Mode} DB CLAIMER | {StoreOpener.Mode} DB | {BulkInsertBenchmark.Mode} [COMMITS]");
                return 2;
        }
    }
}
