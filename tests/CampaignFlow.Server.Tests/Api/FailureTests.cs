using System.Net;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>When the store fails: a 500 problem without a stack trace for the request, 503 from /health.</summary>
public sealed class FailureTests : IDisposable
{
    private readonly FailingStores _failing = new();
    private readonly CampaignServer _server;

    public FailureTests()
    {
        _server = new CampaignServer(services: s => s.AddSingleton<CampaignStoresOpener>(sp =>
            new FailingStoresOpener(sp.GetRequiredService<IOptions<ServerOptions>>(), sp.GetRequiredService<IConfiguration>(), _failing)));
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_naming_its_trace_not_a_stack_trace()
    {
        var auditor = _server.As(TestTokens.Auditor);
        (await auditor.GetAsync("/violations")).StatusCode.ShouldBe(HttpStatusCode.OK);

        _failing.Failing = true;
        var response = await auditor.GetAsync("/violations");

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        text.ShouldContain("\"code\":\"internal-error\"");
        text.ShouldNotContain("disk on fire");
        text.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task Health_is_503_when_the_store_does_not_answer()
    {
        var client = _server.CreateClient();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health"))).StatusCode.ShouldBe(HttpStatusCode.OK, "monitors probe with HEAD");

        _failing.Failing = true;
        var health = await (await client.GetAsync("/health")).ReadAsync(HttpStatusCode.ServiceUnavailable);

        health.GetProperty("storeReachable").GetBoolean().ShouldBeFalse();
        health.GetProperty("problem").GetString().ShouldBe("disk on fire");
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health"))).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    public void Dispose()
    {
        _failing.Failing = false;
        _server.Dispose();
    }

    private sealed class FailingStores
    {
        public volatile bool Failing;

        public void ThrowIfFailing()
        {
            if (Failing)
            {
                throw new IOException("disk on fire");
            }
        }
    }

    private sealed class FailingStoresOpener(IOptions<ServerOptions> options, IConfiguration configuration, FailingStores failing)
        : CampaignStoresOpener(options, configuration)
    {
        public override async Task<CampaignStores> OpenAsync(CancellationToken cancellationToken)
        {
            var stores = await base.OpenAsync(cancellationToken);
            return stores with { Violations = new Violations(stores.Violations, failing), Plans = new Plans(stores.Plans, failing) };
        }
    }

    private sealed class Violations(IViolationStore inner, FailingStores failing) : IViolationStore
    {
        public ValueTask<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken cancellationToken = default) => inner.ApplyAsync(updates, cancellationToken);

        public ValueTask<StoredViolation?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

        public ValueTask<ViolationPage> QueryAsync(ViolationQuery query, CancellationToken cancellationToken = default)
        {
            failing.ThrowIfFailing();
            return inner.QueryAsync(query, cancellationToken);
        }

        public ValueTask<IReadOnlyList<ViolationEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default) => inner.GetHistoryAsync(id, cancellationToken);

        public ValueTask<IReadOnlyList<string>> OpenIdsAsync(string unit, string planId, int planVersion, CancellationToken cancellationToken = default) => inner.OpenIdsAsync(unit, planId, planVersion, cancellationToken);

        public ValueTask<IReadOnlyList<OpenViolationTally>> TallyOpenAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
        {
            failing.ThrowIfFailing();
            return inner.TallyOpenAsync(units, cancellationToken);
        }

        public ValueTask<IReadOnlyList<OpenViolationChange>> OpenChangesByDayAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
        {
            failing.ThrowIfFailing();
            return inner.OpenChangesByDayAsync(units, cancellationToken);
        }
    }

    private sealed class Plans(IPlanStore inner, FailingStores failing) : IPlanStore
    {
        public ValueTask<PublishResult> PublishAsync(PlanVersion version, CancellationToken cancellationToken = default) => inner.PublishAsync(version, cancellationToken);

        public ValueTask<PlanVersion?> GetAsync(string planId, int version, CancellationToken cancellationToken = default)
        {
            failing.ThrowIfFailing();
            return inner.GetAsync(planId, version, cancellationToken);
        }

        public ValueTask<IReadOnlyList<PlanVersion>> ListAsync(CancellationToken cancellationToken = default)
        {
            failing.ThrowIfFailing();
            return inner.ListAsync(cancellationToken);
        }
    }
}
