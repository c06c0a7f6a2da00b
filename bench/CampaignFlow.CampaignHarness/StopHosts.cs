namespace CampaignFlow.CampaignHarness;

/// <summary>Stops the hosts beside the first, once, when the run ends or before the database is measured.</summary>
internal sealed class StopHosts(IEnumerable<IHarnessHost> hosts) : IAsyncDisposable
{
    private readonly List<IHarnessHost> _hosts = [.. hosts];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
