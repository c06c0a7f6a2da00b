using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Storage.Postgres.Tests.Campaigns;

/// <summary>Two hosts (separate connection pools) racing to store the same thing in one database: it is stored once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CampaignRaceTests(PrivatePostgresServer server)
{
    private const int Rounds = 50;

    [Fact]
    public async Task Two_clients_appending_the_same_keys_at_once_insert_each_exactly_once()
    {
        var schema = server.NewSchemaName();
        await using var clientA = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
        await using var clientB = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);

        for (var round = 0; round < Rounds; round++)
        {
            var key = $"study-race-{round}";
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
    public async Task Concurrent_batches_of_one_unit_get_sequences_in_commit_order()
    {
        var schema = server.NewSchemaName();
        await using var clientA = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
        await using var clientB = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);

        // Many small batches from two hosts at once; a reader following the unit by sequence must miss nothing.
        var seen = new List<StoredRecord>();
        var writers = Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 100; i++) await clientA.Records.AppendAsync([CampaignSamples.Study(10, key: $"a-{i}")]); }),
            Task.Run(async () => { for (var i = 0; i < 100; i++) await clientB.Records.AppendAsync([CampaignSamples.Study(11, key: $"b-{i}")]); }));
        long after = 0;
        while (!writers.IsCompleted || seen.Count < 200)
        {
            var page = await clientA.Records.ReadUnitAsync(CampaignSamples.Unit, after, 50);
            seen.AddRange(page);
            after = page.Count > 0 ? page[^1].Sequence : after;
            if (writers.IsCompleted && page.Count == 0)
                break;
        }
        await writers;

        seen.Count.ShouldBe(200, "a reader paging by sequence while two hosts append saw every record once");
        seen.Select(r => r.Key).Distinct().Count().ShouldBe(200);
    }

    [Fact]
    public async Task Two_hosts_publishing_the_same_plan_version_at_once_create_it_once()
    {
        var schema = server.NewSchemaName();
        await using var hostA = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
        await using var hostB = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
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

    [Fact]
    public async Task Two_hosts_opening_one_new_violation_at_once_store_it_once()
    {
        var schema = server.NewSchemaName();
        await using var hostA = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
        await using var hostB = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);

        for (var week = 10; week < 30; week++)
        {
            var violation = CampaignSamples.WeeklyStudy(week);
            var events = await Task.WhenAll(
                Task.Run(() => hostA.Violations.ApplyAsync([CampaignSamples.Open(violation, CampaignSamples.T0)]).AsTask()),
                Task.Run(() => hostB.Violations.ApplyAsync([CampaignSamples.Open(violation, CampaignSamples.T0)]).AsTask()));

            events.SelectMany(e => e).Select(e => e.Kind).ShouldBe([ViolationEventKind.Opened], violation.Id);
            (await hostA.Violations.GetHistoryAsync(violation.Id)).Count.ShouldBe(1);
        }
    }
}
