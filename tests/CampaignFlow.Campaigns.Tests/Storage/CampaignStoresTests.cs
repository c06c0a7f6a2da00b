using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests.Storage;

public sealed class CampaignStoresTests
{
    [Fact]
    public async Task Disposing_the_bundle_releases_what_its_backend_opened_once()
    {
        var owner = new CountingOwner();
        var stores = CampaignStores.InMemory() with { Owner = owner };

        await stores.DisposeAsync();

        owner.Disposals.ShouldBe(1);
    }

    [Fact]
    public async Task The_in_memory_bundle_holds_four_working_stores_and_nothing_to_release()
    {
        await using var stores = CampaignStores.InMemory();

        stores.Owner.ShouldBeNull();
        (await stores.Records.AppendAsync([Conformance.CampaignSamples.Study(10)]))[0].Outcome.ShouldBe(AppendOutcome.Inserted);
        (await stores.Plans.ListAsync()).ShouldBeEmpty();
        (await stores.Violations.QueryAsync(new ViolationQuery())).Total.ShouldBe(0);
        (await stores.Workflows.GetInstanceAsync("panyu-ftu")).ShouldBeNull();
    }

    private sealed class CountingOwner : IAsyncDisposable
    {
        public int Disposals { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposals++;
            return ValueTask.CompletedTask;
        }
    }
}
