namespace CampaignFlow.CampaignHarness;

/// <summary>Where the host keeps the campaign for the run: its settings for the host, and its size at the end.</summary>
internal interface IRunStore : IAsyncDisposable
{
    /// <summary>sqlite or postgres.</summary>
    string Name { get; }

    /// <summary>Configuration keys and values the host is started with (<c>CampaignFlow:Store</c>, the connection string).</summary>
    Task<IReadOnlyDictionary<string, string?>> PrepareAsync();

    /// <summary>The database's size on disk, in bytes.</summary>
    Task<long> SizeAsync();
}
