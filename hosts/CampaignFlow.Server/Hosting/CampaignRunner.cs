using System.Diagnostics.Metrics;
using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.NRules;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Text;
using CampaignFlow.Workflows.Partitions;
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
    ShownTime time,
    IMeterFactory meters,
    IServer server,
    ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan ShortestSleep = TimeSpan.FromMilliseconds(100);
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
            LogOperator(Both(c => ApiProblems.Text("log-stopped-while-starting", c)));
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
        var store = settings.StoreKind.ToString().ToLowerInvariant();
        LogOperator(Both(c => ApiProblems.Text("log-starting", c, settings.DefinitionsPath, store)));
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
                    HostId = string.IsNullOrWhiteSpace(settings.HostId) ? Environment.MachineName + "/" + Environment.ProcessId : settings.HostId.Trim(),
                    Partitions = settings.Partitions,
                    PartitionLease = TimeSpan.FromSeconds(settings.PartitionLeaseSeconds),
                    StartProgress = running,
                    CaughtUp = new CaughtUpLine(running, time, loggers.CreateLogger<CaughtUpLine>()),
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
            LogStartFailed(Both(c => ApiProblems.Text("log-start-failed", c, store, StartFailure(e, c))), e);
            running.Fail(failure, e);
            lifetime.StopApplication();
            return null;
        }

        LogOperator(Both(c => ApiProblems.Text("log-rules-engine", c, settings.RulesEngine.Trim().ToLowerInvariant())));
        foreach (var problem in service.LoadProblems)
        {
            var at = $"{problem.File}:{Count(problem.Line)}:{Count(problem.Column)}";
            LogPlanRefused(Both(c => ApiProblems.Text("log-plan-refused", c, at, problem.Code, MessageTemplates.IsChinese(c) ? problem.MessageZh : problem.MessageEn)));
        }

        // A unit with a plan of its own gets its line; the thousands on one template get one line for all.
        foreach (var onPlan in service.Units.GroupBy(u => (u.PlanId, u.PlanVersion)))
        {
            if (onPlan.Count() == 1 && service.FindPlan(onPlan.Key.PlanId)?.Template is null)
            {
                var unit = onPlan.First();
                LogOperator(Both(c => ApiProblems.Text("log-unit-running", c, unit.Id, unit.Name, unit.PlanId, Count(unit.PlanVersion))));
            }
            else
            {
                var units = Count(onPlan.Count());
                LogOperator(Both(c => ApiProblems.Text("log-units-on-template", c, units, onPlan.Key.PlanId, Count(onPlan.Key.PlanVersion))));
            }
        }

        // The tokens that name running units (the demo's) are in before the first request is let through.
        tokens.AdmitRunning(service);
        running.Attach(service, stores);
        var (started, seconds) = (clock.GetUtcNow(), watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        LogOperator(Both(c => ApiProblems.Text("log-started", c, seconds, Count(service.Units.Count), Count(service.LoadProblems.Count), settings.DefinitionsPath, time.Moment(started, c), FirstJudgement.ZoneName(time, c))));
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
                        LogFirstJudgement(Both(c => FirstJudgement.Explain(service, openAfter, now, settings.Demo, settings.Definitions, ConsoleAddress(), time, c)));
                    }
                    else
                    {
                        LogOpenViolationsChanged(Both(c => FirstJudgement.OpenChanged(now, openBefore, openAfter, time, c)));
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
                await signal.WaitAsync(SleepBefore(next, service), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private TimeSpan SleepBefore(DateTimeOffset? next, CampaignService service)
    {
        var longest = TimeSpan.FromSeconds(options.Value.MaxSleepSeconds);
        // Partition leases are renewed by the tick: it comes at least as often as a renewal is due (docs/adr/0022).
        if (service.Partitions.IsLeased && service.Partitions.RenewEvery < longest)
        {
            longest = service.Partitions.RenewEvery;
        }

        // A virtual clock does not move by itself: it wakes the loop when it is moved, so only the bound applies.
        if (next is not { } due || clock is VirtualClock)
        {
            return longest;
        }

        var wait = due - clock.GetUtcNow();
        return wait < ShortestSleep ? ShortestSleep : wait > longest ? longest : wait;
    }

    // The server has no reader's language: Chinese first, then English, on the one line.
    private static string Both(Func<CultureInfo, string> text) => OperatorLine.Both(text);

    /// <summary>Where the console answers: the first address the server listens on (none in a test host).</summary>
    private string ConsoleAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return (address?.TrimEnd('/') ?? "") + "/console";
    }

    private static async Task<int> CountOpenAsync(CampaignService service, CancellationToken cancellationToken) =>
        (await service.QueryViolationsAsync(new ViolationQuery { Status = ViolationStatus.Open, Limit = 0 }, cancellationToken).ConfigureAwait(false)).Total;

    // Why the campaigns could not start, in the operator's words where the catalogue has them.
    private static string StartFailure(Exception e, CultureInfo culture)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PartitionCountMismatchException mismatch)
            {
                return ApiProblems.Text("start-partitions-mismatch", culture, mismatch.HostId, Count(mismatch.Count), mismatch.OtherHostId, Count(mismatch.OtherCount));
            }
        }

        return e.Message;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    // What the operator reads, from the catalogue (log-*), Chinese then English.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    private partial void LogOperator(string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Text}")]
    private partial void LogPlanRefused(string text);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Text}")]
    private partial void LogStartFailed(string text, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Explanation}")]
    private partial void LogFirstJudgement(string explanation);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Change}")]
    private partial void LogOpenViolationsChanged(string change);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ticked at {Now:O}; next due {Next:O}")]
    private partial void LogTicked(DateTimeOffset now, DateTimeOffset? next);

    [LoggerMessage(Level = LogLevel.Error, Message = "A tick failed; the next tick retries what is still due")]
    private partial void LogTickFailed(Exception error);
}
