using CampaignFlow.Storage.Sqlite.Campaigns;

namespace CampaignFlow.FaultHarness;

/// <summary>One SQLite file per side, in the side's data folder under the run's temp folder.</summary>
internal sealed class SqliteHarnessStore(string work, string definitions) : IHarnessStore
{
    public Task<HarnessDatabase> CreateAsync(string side)
    {
        var data = Path.Combine(work, side);
        return Task.FromResult(new HarnessDatabase(
            _ => ["--data", data, "--definitions", definitions],
            new Dictionary<string, string>(),
            () => Task.FromResult(SqliteCampaignStores.Open(Path.Combine(data, "campaignflow.db")))));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
