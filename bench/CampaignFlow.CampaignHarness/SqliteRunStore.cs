namespace CampaignFlow.CampaignHarness;

/// <summary>The host's SQLite file in the run's data folder; its size is the file with its write-ahead log.</summary>
internal sealed class SqliteRunStore(string data) : IRunStore
{
    public string Name => "sqlite";

    public Task<IReadOnlyDictionary<string, string?>> PrepareAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?> { ["CampaignFlow:Store"] = "sqlite" });

    public Task<long> SizeAsync() =>
        Task.FromResult(Directory.Exists(data) ? Directory.GetFiles(data, "campaignflow.db*").Sum(f => new FileInfo(f).Length) : 0);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
