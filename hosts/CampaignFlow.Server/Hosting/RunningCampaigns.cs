using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Starting;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// The campaign service once <see cref="CampaignRunner"/> has started it. The server listens while the service
/// starts (a province's first start takes tens of seconds); until then <see cref="StartingGate"/> answers every
/// request that needs it with 503 and <c>/health</c> says how far the start got.
/// </summary>
/// <threadsafety>Read from any request thread; written only by the runner.</threadsafety>
public sealed class RunningCampaigns : IProgress<CampaignStartProgress>
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile CampaignService? _service;
    private volatile CampaignStores? _stores;
    private volatile CampaignStartProgress _progress = new(CampaignStartStage.LoadingPlans, 0, 0);
    private volatile string? _failure;
    private volatile bool _stopping;

    /// <summary>The started service.</summary>
    /// <exception cref="InvalidOperationException">Before the service has started.</exception>
    public CampaignService Service => _service ?? throw new InvalidOperationException("the campaign service has not started");

    /// <summary>The stores the service runs on.</summary>
    /// <exception cref="InvalidOperationException">Before the service has started.</exception>
    public CampaignStores Stores => _stores ?? throw new InvalidOperationException("the campaign service has not started");

    /// <summary>True once started.</summary>
    public bool IsStarted => _service is not null;

    /// <summary>How far the start got (<see cref="CampaignStartStage.Started"/> once started).</summary>
    public CampaignStartProgress Progress => _progress;

    /// <summary>True once the host has taken the service away to stop it.</summary>
    public bool IsStopping => _stopping;

    /// <summary>Why the start failed (the server then stops, exit code 3), or null.</summary>
    public string? StartFailure => _failure;

    /// <summary>
    /// Completes when the service has started; faults when its start failed; cancelled when the host stopped first.
    /// What needs the running units (the demo's replay, the demo's tokens) waits on it.
    /// </summary>
    public Task WhenStarted => _started.Task;

    /// <inheritdoc/>
    void IProgress<CampaignStartProgress>.Report(CampaignStartProgress value) => _progress = value;

    internal void Attach(CampaignService service, CampaignStores stores)
    {
        _stores = stores;
        _service = service;
        _progress = new CampaignStartProgress(CampaignStartStage.Started, service.Units.Count, service.Units.Count);
        _started.TrySetResult();
    }

    internal void Fail(string failure, Exception error)
    {
        _failure = failure;
        _started.TrySetException(error);
    }

    internal void Abandon() => _started.TrySetCanceled();

    internal (CampaignService? Service, CampaignStores? Stores) Detach()
    {
        _stopping = true;
        var taken = (_service, _stores);
        _service = null;
        _stores = null;
        return taken;
    }
}
