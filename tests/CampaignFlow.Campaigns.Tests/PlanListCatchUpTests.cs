using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;
using CampaignFlow.Tests.Shared;
using CampaignFlow.Workflows.Persistence.InMemory;
using CampaignFlow.Workflows.Timing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A list of plans is brought up to the plan store cheaply (ADR 0025): one query for every plan's highest stored
/// version, and the versions read only of the plan another host published; nothing more once the host is up to date.
/// </summary>
public sealed class PlanListCatchUpTests : IDisposable
{
    private const string Plan = "mianyang-ftu-2014";

    private readonly string _definitions = Path.Combine(Path.GetTempPath(), "campaignflow-definitions-" + Guid.NewGuid().ToString("N"));

    public PlanListCatchUpTests()
    {
        Repository.CopyPlans(_definitions);
    }

    public void Dispose() => Directory.Delete(_definitions, recursive: true);

    [Fact]
    public async Task A_version_another_host_published_is_listed_after_one_query_and_one_plans_read()
    {
        var inner = new InMemoryPlanStore();
        var plans = new CountingPlanStore(inner);
        var stores = new CampaignStores(new InMemoryWorkflowStore(), new InMemoryRecordStore(), new InMemoryViolationStore(), plans);
        await using var service = await CampaignService.StartAsync(stores,
            new CampaignOptions { DefinitionsPath = _definitions, Clock = new ManualClock(CampaignHarness.At(CampaignHarness.Day("2014-02-01"))), HostId = "test" },
            NullLogger<CampaignService>.Instance, CancellationToken.None);
        service.FindPlan(Plan).ShouldNotBeNull().Version.ShouldBe(1);

        // Another host publishes version 2 of one plan into the shared store.
        var first = (await inner.GetAsync(Plan, 1)).ShouldNotBeNull();
        var files = first.Files.Select(f => f.Text.Contains($"plan: {Plan}\n", StringComparison.Ordinal)
            ? f with { Text = f.Text.Replace($"plan: {Plan}\n", $"plan: {Plan}\nversion: 2\n", StringComparison.Ordinal) }
            : f).ToArray();
        (await inner.PublishAsync(new PlanVersion(Plan, 2, first.Unit, PlanVersionHash.Of(files), files, DateTimeOffset.UtcNow))).Outcome.ShouldBe(PublishOutcome.Created);
        plans.Reset();

        var listed = await service.PlansAsync();

        listed.Single(p => p.Id == Plan).Version.ShouldBe(2);
        (plans.Highest, plans.OnePlan, plans.Whole).ShouldBe((1, 1, 0), "one query for the highest of all, then the one plan behind read");

        plans.Reset();
        (await service.PlansAsync()).Single(p => p.Id == Plan).Version.ShouldBe(2);
        (plans.Highest, plans.OnePlan, plans.Whole).ShouldBe((1, 0, 0), "up to date: the one query and nothing else");
    }

    /// <summary>A plan store that counts how it is read.</summary>
    private sealed class CountingPlanStore(IPlanStore inner) : IPlanStore
    {
        public int Highest { get; private set; }

        public int OnePlan { get; private set; }

        public int Whole { get; private set; }

        public void Reset() => (Highest, OnePlan, Whole) = (0, 0, 0);

        public ValueTask<PublishResult> PublishAsync(PlanVersion version, CancellationToken cancellationToken = default) => inner.PublishAsync(version, cancellationToken);

        public ValueTask<PlanVersion?> GetAsync(string planId, int version, CancellationToken cancellationToken = default) => inner.GetAsync(planId, version, cancellationToken);

        public ValueTask<IReadOnlyList<PlanVersion>> ListAsync(CancellationToken cancellationToken = default)
        {
            Whole++;
            return inner.ListAsync(cancellationToken);
        }

        public ValueTask<IReadOnlyList<PlanVersion>> ListAsync(string planId, CancellationToken cancellationToken = default)
        {
            OnePlan++;
            return inner.ListAsync(planId, cancellationToken);
        }

        public ValueTask<IReadOnlyDictionary<string, int>> HighestVersionsAsync(CancellationToken cancellationToken = default)
        {
            Highest++;
            return inner.HighestVersionsAsync(cancellationToken);
        }
    }
}
