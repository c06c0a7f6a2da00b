using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// The campaign service once <see cref="CampaignRunner"/> has started it. The runner starts it before the server
/// listens, so endpoints always find it here.
/// </summary>
public sealed class RunningCampaigns
{
    private CampaignService? _service;
    private CampaignStores? _stores;

    /// <summary>The started service.</summary>
    /// <exception cref="InvalidOperationException">Before the host has started.</exception>
    public CampaignService Service => _service ?? throw new InvalidOperationException("the campaign service has not started");

    /// <summary>The stores the service runs on.</summary>
    /// <exception cref="InvalidOperationException">Before the host has started.</exception>
    public CampaignStores Stores => _stores ?? throw new InvalidOperationException("the campaign service has not started");

    /// <summary>True once started.</summary>
    public bool IsStarted => _service is not null;

    internal void Attach(CampaignService service, CampaignStores stores)
    {
        _stores = stores;
        _service = service;
    }

    internal (CampaignService? Service, CampaignStores? Stores) Detach()
    {
        var taken = (_service, _stores);
        _service = null;
        _stores = null;
        return taken;
    }
}
