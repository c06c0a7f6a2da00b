using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// The part of the contract that needs two clients of one database (separate connections, as two hosts have):
/// racing to store the same thing stores it once, and a reader following a unit by sequence misses nothing. A
/// durable store's test project derives a class from this one.
/// </summary>
public abstract class ConcurrentClientsConformance
{
    private const int Rounds = 50;

    /// <summary>Two clients of one new, empty database; the caller disposes both.</summary>
    protected abstract Task<(CampaignStores A, CampaignStores B)> OpenTwoClientsAsync();

    [Fact]
    public async Task Two_clients_appending_the_same_keys_at_once_insert_each_exactly_once()
    {
        var (clientA, clientB) = await OpenTwoClientsAsync();
        await using var a_ = clientA;
        await using var b_ = clientB;

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
    public async Task Concurrent_batches_of_one_unit_get_sequences_in_commit_order()
    {
        var (clientA, clientB) = await OpenTwoClientsAsync();
        await using var a_ = clientA;
        await using var b_ = clientB;

        // Many small batches from two hosts at once; a reader following the unit by sequence must miss nothing.
        var seen = new List<StoredRecord>();
        var writers = Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 100; i++) { await clientA.Records.AppendAsync([CampaignSamples.Study(10, key: $"a-{i}")]); } }),
            Task.Run(async () => { for (var i = 0; i < 100; i++) { await clientB.Records.AppendAsync([CampaignSamples.Study(11, key: $"b-{i}")]); } }));
        long after = 0;
        while (true)
        {
            var done = writers.IsCompleted;
            var page = await clientA.Records.ReadUnitAsync(CampaignSamples.Unit, after, 50);
            seen.AddRange(page);
            after = page.Count > 0 ? page[^1].Sequence : after;
            if (done && page.Count == 0)
            {
                break;
            }
        }

        await writers;
        seen.Count.ShouldBe(200, "a reader paging by sequence while two hosts append saw every record once");
        seen.Select(r => r.Key).Distinct().Count().ShouldBe(200);
    }

    [Fact]
    public async Task Two_hosts_publishing_the_same_plan_version_at_once_create_it_once()
    {
        var (hostA, hostB) = await OpenTwoClientsAsync();
        await using var a_ = hostA;
        await using var b_ = hostB;
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
        var (hostA, hostB) = await OpenTwoClientsAsync();
        await using var a_ = hostA;
        await using var b_ = hostB;

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
