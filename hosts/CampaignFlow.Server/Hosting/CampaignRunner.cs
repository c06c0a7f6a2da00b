using System.Diagnostics.Metrics;
using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.NRules;
using CampaignFlow.Server.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// Runs every unit's campaign: at start it opens the store, and while the server already listens it starts the
/// campaign service (plans published, one instance per unit and plan version, idempotently); then it ticks — fires due
/// timers, applies the inbox, closes periods — and sleeps until the next due time, at most
/// <see cref="ServerOptions.MaxSleepSeconds"/>, or until woken by a record or a moved clock.
/// </summary>
internal sealed partial class CampaignRunner(
    IOptions<ServerOptions> options,
    CampaignStoresOpener opener,
    RunningCampaigns running,
    TickSignal signal,
    TokenRegistry tokens,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    IMeterFactory meters,
    IServer server,
    ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan ShortestSleep = TimeSpan.FromMilliseconds(100);
    private static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");
    private readonly ILogger _log = loggers.CreateLogger<CampaignRunner>();

    private CampaignStores? _stores;

    /// <summary>
    /// Opens the store (a store that cannot be opened stops the host at once, exit code 3) and lets the host listen;
    /// the campaigns start in <see cref="ExecuteAsync"/>, so a province's start is not an outage of the API.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _stores = await opener.OpenAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops ticking, then disposes the service and closes the store.</summary>
    /// <param name="cancellationToken">Shortens the wait for the running tick.</param>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (ExecuteTask is { IsCompleted: false })
        {
            // The start outlasted the host's shutdown timeout: closing the store under it would fail it half-way (and
            // report a failed start); the process exits anyway, and SQLite and PostgreSQL keep what was committed.
            LogStopDuringStart();
            return;
        }

        var (service, _) = running.Detach();
        if (service is not null)
        {
            await service.DisposeAsync().ConfigureAwait(false);
        }

        if (Interlocked.Exchange(ref _stores, null) is { } stores)
        {
            await stores.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<CampaignService?> StartCampaignsAsync(CampaignStores stores, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        LogStarting(settings.DefinitionsPath, settings.StoreKind.ToString().ToLowerInvariant());
        CampaignService service;
        try
        {
            service = await CampaignService.StartAsync(
                stores,
                new CampaignOptions
                {
                    DefinitionsPath = settings.DefinitionsPath,
                    Clock = clock,
                    RulesEngine = ComplianceEngines.Find(settings.RulesEngine),
                    MeterFactory = meters,
                    MaxSessionsInMemory = settings.MaxSessionsInMemory,
                    MaxSessionRecordsInMemory = settings.MaxSessionRecordsInMemory,
                    StartProgress = running,
                },
                loggers.CreateLogger<CampaignService>(),
                stoppingToken).ConfigureAwait(false);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while starting: whatever the start threw as it was cancelled is not a failure to start.
            running.Abandon();
            return null;
        }
        catch (Exception e)
        {
            // Nothing runs without the campaigns: the host stops and the process exits with 3, as when the store
            // cannot be opened; what is stored stays as it was (a start writes plans and instances idempotently).
            var failure = $"the campaigns could not start on the {settings.StoreKind.ToString().ToLowerInvariant()} store: {e.Message}";
            LogStartFailed(failure, e);
            running.Fail(failure, e);
            lifetime.StopApplication();
            return null;
        }

        LogRulesEngine(settings.RulesEngine.Trim().ToLowerInvariant());
        foreach (var problem in service.LoadProblems)
        {
            LogPlanRefused(problem.File, problem.Line, problem.Column, problem.Code, problem.MessageEn);
        }

        // A unit with a plan of its own gets its line; the thousands on one template get one line for all.
        foreach (var onPlan in service.Units.GroupBy(u => (u.PlanId, u.PlanVersion)))
        {
            if (onPlan.Count() == 1 && service.FindPlan(onPlan.Key.PlanId)?.Template is null)
            {
                var unit = onPlan.First();
                LogUnitRunning(unit.Id, unit.Name, unit.PlanId, unit.PlanVersion);
            }
            else
            {
                LogUnitsOnTemplate(onPlan.Count(), onPlan.Key.PlanId, onPlan.Key.PlanVersion);
            }
        }

        // The tokens that name running units (the demo's) are in before the first request is let through.
        tokens.AdmitRunning(service);
        running.Attach(service, stores);
        LogStarted(service.Units.Count, service.LoadProblems.Count, settings.DefinitionsPath, clock.GetUtcNow(), watch.Elapsed.TotalSeconds);
        if (clock is VirtualClock virtualClock)
        {
            virtualClock.Moved += _ => signal.Wake();
        }

        return service;
    }

    /// <summary>Starts the campaigns, then ticks until the host stops.</summary>
    /// <param name="stoppingToken">Stops the loop.</param>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stores = _stores ?? throw new InvalidOperationException("the store is opened by StartAsync");
        // Reading a province's plans is seconds of work before the first await: off the host's start, so it listens now.
        await Task.Yield();
        if (await StartCampaignsAsync(stores, stoppingToken).ConfigureAwait(false) is not { } service)
        {
            return;
        }

        var openBefore = await CountOpenAsync(service, stoppingToken).ConfigureAwait(false);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var waiters = signal.TakeWaiters();
            DateTimeOffset? next = null;
            try
            {
                next = await service.TickAsync(stoppingToken).ConfigureAwait(false);
                var openAfter = await CountOpenAsync(service, stoppingToken).ConfigureAwait(false);
                if (openAfter != openBefore)
                {
                    var now = clock.GetUtcNow();
                    if (first)
                    {
                        var settings = options.Value;
                        LogFirstJudgement(Both(c => FirstJudgement.Explain(service, openAfter, now, settings.Demo, settings.Definitions, ConsoleAddress(), c)));
                    }
                    else
                    {
                        LogOpenViolationsChanged(Both(c => FirstJudgement.OpenChanged(now, openBefore, openAfter, c)));
                    }

                    openBefore = openAfter;
                }

                first = false;

                LogTicked(clock.GetUtcNow(), next);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // One bad tick must not stop every campaign; the next tick retries what is still due.
                LogTickFailed(e);
            }
            finally
            {
                foreach (var waiter in waiters)
                {
                    waiter.TrySetResult();
                }
            }

            try
            {
                await signal.WaitAsync(SleepBefore(next), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private TimeSpan SleepBefore(DateTimeOffset? next)
    {
        var longest = TimeSpan.FromSeconds(options.Value.MaxSleepSeconds);
        // A virtual clock does not move by itself: it wakes the loop when it is moved, so only the bound applies.
        if (next is not { } due || clock is VirtualClock)
        {
            return longest;
        }

        var wait = due - clock.GetUtcNow();
        return wait < ShortestSleep ? ShortestSleep : wait > longest ? longest : wait;
    }

    // The server has no reader's language: Chinese first, then English, on the one line.
    private static string Both(Func<CultureInfo, string> text) => $"{text(ChineseCulture)} {text(EnglishCulture)}";

    /// <summary>Where the console answers: the first address the server listens on (none in a test host).</summary>
    private string ConsoleAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return (address?.TrimEnd('/') ?? "") + "/console";
    }

    private static async Task<int> CountOpenAsync(CampaignService service, CancellationToken cancellationToken) =>
        (await service.QueryViolationsAsync(new ViolationQuery { Status = ViolationStatus.Open, Limit = 0 }, cancellationToken).ConfigureAwait(false)).Total;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan refused at {File}:{Line}:{Column}: {Code}: {Problem}")]
    private partial void LogPlanRefused(string file, int line, int column, string code, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compliance rules run on the {Engine} rules engine")]
    private partial void LogRulesEngine(string engine);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign running for unit {Unit} ({UnitName}): plan {PlanId} version {PlanVersion}")]
    private partial void LogUnitRunning(string unit, string unitName, string planId, int planVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaigns running for {Units} unit(s) on template {PlanId} version {PlanVersion}")]
    private partial void LogUnitsOnTemplate(int units, string planId, int planVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting the campaigns of {Definitions} on the {Store} store; the API answers 503 until they run (/health says how far the start got)")]
    private partial void LogStarting(string definitions, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped while the campaigns were still starting; the store is left to the process's exit")]
    private partial void LogStopDuringStart();

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Failure}; the server stops")]
    private partial void LogStartFailed(string failure, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaigns started in {Seconds:0.0} s: {Units} unit(s) running, {Refused} plan problem(s), definitions {Definitions}, clock at {Now:O}")]
    private partial void LogStarted(int units, int refused, string definitions, DateTimeOffset now, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Explanation}")]
    private partial void LogFirstJudgement(string explanation);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Change}")]
    private partial void LogOpenViolationsChanged(string change);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ticked at {Now:O}; next due {Next:O}")]
    private partial void LogTicked(DateTimeOffset now, DateTimeOffset? next);

    [LoggerMessage(Level = LogLevel.Error, Message = "A tick failed; the next tick retries what is still due")]
    private partial void LogTickFailed(Exception error);
}
