using System.Net;
using System.Text.Json;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.Tests.Hosting;

/// <summary>
/// The server listens while the campaigns start: /health says how far the start got, /metrics answers, and every
/// other request is a 503 with Retry-After, never a refused connection or a half-started answer; a start that fails
/// stops the host and says why.
/// </summary>
public sealed class StartingTests : IDisposable
{
    private readonly HeldPlans _held = new();
    private readonly CampaignServer _server;

    public StartingTests()
    {
        _server = new CampaignServer(services: s => s.AddSingleton<CampaignStoresOpener>(sp =>
            new HoldingStoresOpener(sp.GetRequiredService<IOptions<ServerOptions>>(), sp.GetRequiredService<IConfiguration>(), _held)))
        { WaitForCampaigns = false };
    }

    [Fact]
    public async Task While_the_plans_load_health_says_starting_requests_get_503_with_retry_after_and_then_everything_answers()
    {
        var client = _server.CreateClient();
        var auditor = _server.As(TestTokens.Auditor, "zh-CN");
        await _held.Reached.WaitAsync(TimeSpan.FromMinutes(1));

        var starting = await client.GetAsync("/health");
        starting.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        using (var health = JsonDocument.Parse(await starting.Content.ReadAsStringAsync()))
        {
            health.RootElement.GetProperty("status").GetString().ShouldBe("starting");
            health.RootElement.GetProperty("start").GetProperty("stage").GetString().ShouldBe("loading-plans");
        }

        var refused = await auditor.GetAsync("/violations?body=weidu-district");
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(StartingGate.RetryAfterSeconds));
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            problem.RootElement.GetProperty("code").GetString().ShouldBe("service-starting");
            problem.RootElement.GetProperty("detail").GetString()!.ShouldContain("正在启动（读取计划");
        }

        (await client.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("/units/panyu-ftu/records", new StringContent("[]"))).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "not even a 401 before the units run");

        _held.Release();
        await _server.Campaigns.WhenStarted.WaitAsync(TimeSpan.FromMinutes(2));

        var started = await client.GetAsync("/health");
        started.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var health = JsonDocument.Parse(await started.Content.ReadAsStringAsync()))
        {
            health.RootElement.GetProperty("status").GetString().ShouldBe("ok");
            health.RootElement.GetProperty("unitsRunning").GetInt32().ShouldBe(_server.Campaigns.Service.Units.Count);
        }

        (await auditor.GetAsync("/violations?body=weidu-district")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_start_that_fails_says_why_and_stops_the_host()
    {
        _held.Failure = new IOException("plans table unreadable");
        _ = _server.CreateClient();
        var running = _server.Campaigns;
        var lifetime = _server.Services.GetRequiredService<IHostApplicationLifetime>();
        _held.Release();

        await Should.ThrowAsync<IOException>(() => running.WhenStarted.WaitAsync(TimeSpan.FromMinutes(1)));

        running.StartFailure.ShouldBe("the campaigns could not start on the sqlite store: plans table unreadable");
        lifetime.ApplicationStopping.IsCancellationRequested.ShouldBeTrue();
    }

    public void Dispose()
    {
        _held.Release();
        _server.Dispose();
    }

    /// <summary>Holds the start where it first lists the published plans, until released; then fails it when told.</summary>
    private sealed class HeldPlans
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? Failure { get; set; }

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
            if (Failure is { } failure)
            {
                throw failure;
            }
        }
    }

    private sealed class HoldingStoresOpener(IOptions<ServerOptions> options, IConfiguration configuration, HeldPlans held)
        : CampaignStoresOpener(options, configuration)
    {
        public override async Task<CampaignStores> OpenAsync(CancellationToken cancellationToken)
        {
            var stores = await base.OpenAsync(cancellationToken);
            return stores with { Plans = new Plans(stores.Plans, held) };
        }
    }

    private sealed class Plans(IPlanStore inner, HeldPlans held) : IPlanStore
    {
        public async ValueTask<PublishResult> PublishAsync(PlanVersion version, CancellationToken cancellationToken = default)
        {
            await held.WaitAsync(cancellationToken);
            return await inner.PublishAsync(version, cancellationToken);
        }

        public ValueTask<PlanVersion?> GetAsync(string planId, int version, CancellationToken cancellationToken = default) => inner.GetAsync(planId, version, cancellationToken);

        public async ValueTask<IReadOnlyList<PlanVersion>> ListAsync(CancellationToken cancellationToken = default)
        {
            await held.WaitAsync(cancellationToken);
            return await inner.ListAsync(cancellationToken);
        }
    }
}
