using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>Two clients of one file (separate connections, as two processes have) racing to store the same thing: it is stored once.</summary>
public sealed class CampaignRaceTests : IDisposable
{
    private const int Rounds = 50;
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task Two_clients_appending_the_same_keys_at_once_insert_each_exactly_once()
    {
        await using var clientA = SqliteCampaignStores.Open(_database.Path);
        await using var clientB = SqliteCampaignStores.Open(_database.Path);

        for (var round = 0; round < Rounds; round++)
        {
            var key = $"study-race-{round}";
            // Same key, same payload on even rounds (a retry on another host), other payload on odd ones.
            var a = CampaignSamples.Study(10, key: key);
            var b = round % 2 == 0 ? a : CampaignSamples.Study(10, hours: "1天", key: key);
            var results = await Task.WhenAll(
                Task.Run(async () => (await clientA.Records.AppendAsync([a]))[0]),
                Task.Run(async () => (await clientB.Records.AppendAsync([b]))[0]));

            results.Count(r => r.Outcome == AppendOutcome.Inserted).ShouldBe(1, key);
            var loser = results.Single(r => r.Outcome != AppendOutcome.Inserted);
            loser.Outcome.ShouldBe(round % 2 == 0 ? AppendOutcome.Duplicate : AppendOutcome.Conflict, key);
            loser.Stored.ShouldBe(results.Single(r => r.Outcome == AppendOutcome.Inserted).Stored, key);
        }
        (await clientA.Records.CountUnitAsync(CampaignSamples.Unit)).ShouldBe(Rounds);
    }

    [Fact]
    public async Task Two_hosts_publishing_the_same_plan_version_at_once_create_it_once()
    {
        await using var hostA = SqliteCampaignStores.Open(_database.Path);
        await using var hostB = SqliteCampaignStores.Open(_database.Path);
        var files = CampaignSamples.PanyuFiles();

        for (var version = 1; version <= Rounds; version++)
        {
            var published = CampaignSamples.Version(CampaignSamples.Plan, version, files);
            var v = version;
            var results = await Task.WhenAll(
                Task.Run(() => hostA.Plans.PublishAsync(published).AsTask()),
                Task.Run(() => hostB.Plans.PublishAsync(published with { PublishedAt = published.PublishedAt.AddSeconds(v) }).AsTask()));

            results.Select(r => r.Outcome).Order().ToArray().ShouldBe([PublishOutcome.Created, PublishOutcome.Unchanged], $"version {version}");
            results[0].Stored.PublishedAt.ShouldBe(results[1].Stored.PublishedAt, "both are told of the one stored publication");
        }
        (await hostB.Plans.ListAsync()).Count.ShouldBe(Rounds);
    }

    public void Dispose() => _database.Dispose();
}
