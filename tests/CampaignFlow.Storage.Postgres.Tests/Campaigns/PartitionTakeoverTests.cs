using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Tests;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;
using CampaignFlow.Tests.Shared;
using CampaignFlow.Workflows.Timing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Storage.Postgres.Tests.Campaigns;

/// <summary>
/// What hosts splitting the units by lease owe each other when one goes (docs/adr/0022): a dead host's units are brought
/// up to date by the host that takes its partitions, at its first pass after the lease ran out; a host stopping gives its
/// partitions back at once; and a body is judged on its owner, from records its units posted through any host.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PartitionTakeoverTests(PrivatePostgresServer server)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Now = new(2014, 6, 1, 0, 0, 0, China);
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_host_taking_a_dead_hosts_partitions_brings_their_units_up_to_date_at_its_next_tick()
    {
        var alone = await ViolationsOfOneHostAsync();

        var schema = server.NewSchemaName();
        var clock = new ManualClock(Now);
        await using var deadStores = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
        await using var survivorStores = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
        var dead = await StartAsync(deadStores, clock, "dead", ShortLease);
        var survivor = await StartAsync(survivorStores, clock, "survivor", ShortLease);
        try
        {
            // Renewed just now, so that the survivor's first tick finds the other host's partitions held (half of them,
            // or all when the survivor's presence ran out during the starts), however long the starts took.
            await dead.Partitions.RenewAsync();
            await dead.TickAsync();
            await survivor.TickAsync();
            survivor.Partitions.Current.Partitions.Count.ShouldBeLessThan(survivor.Partitions.Scheme.Count);

            // The other host dies as its units fall due (a boundary passed, a timer fired just before the crash): they
            // are behind the clock, and no timer of theirs is left to fire.
            var orphans = dead.Units.Select(u => u.Id).Where(u => dead.Partitions.OwnerOf(u) == "dead").ToArray();
            orphans.ShouldNotBeEmpty();
            foreach (var unit in orphans)
            {
                await deadStores.Records.MarkJudgedAsync(unit, 0, Now);
            }

            // The clock stands still: the survivor's next pass is well within the reconcile interval of its first.
            await Task.Delay(ShortLease + TimeSpan.FromMilliseconds(500));
            await survivor.TickAsync();

            survivor.Partitions.Current.Partitions.Count.ShouldBe(survivor.Partitions.Scheme.Count);
            (await survivorStores.Records.UnitsBehindAsync(Now)).Select(w => w.Unit).ShouldBeEmpty();
            var split = await ViolationsAsync(survivor);
            split.ShouldNotBeEmpty();
            split.ShouldBe(alone);
        }
        finally
        {
            await survivor.DisposeAsync();
            await dead.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_host_stopping_gives_its_partitions_back_for_the_other_to_take_at_once()
    {
        var schema = server.NewSchemaName();
        var clock = new ManualClock(Now);
        await using var firstStores = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
        await using var secondStores = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
        var lease = TimeSpan.FromMinutes(10);
        var first = await StartAsync(firstStores, clock, "first", lease);
        var second = await StartAsync(secondStores, clock, "second", lease);
        try
        {
            await first.Partitions.RenewAsync();
            await second.Partitions.RenewAsync();
            first.Partitions.Current.Partitions.ShouldNotBeEmpty();
            second.Partitions.Current.Partitions.ShouldNotBeEmpty();

            await first.DisposeAsync();
            await second.Partitions.RenewAsync();

            second.Partitions.LiveHosts.ShouldBe(["second"]);
            second.Partitions.Current.Partitions.Count.ShouldBe(second.Partitions.Scheme.Count);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_body_is_judged_on_its_owner_from_records_its_units_posted_through_the_other_host()
    {
        const string body = "weidu-district";
        const string street = "weidu-xiguan-street";
        // At the campaign's end, when the body's requirements over its units are all due.
        var end = new DateTimeOffset(2015, 1, 1, 0, 0, 0, China);
        var days = DemoLogs.Days("weidu-xiguan-street-2014").ToArray();
        days.ShouldNotBeEmpty();

        var aloneSchema = server.NewSchemaName();
        await using var aloneStores = await PostgresCampaignStores.OpenAsync(server.ConnectionString, aloneSchema);
        var aloneHost = await StartAsync(aloneStores, new ManualClock(end), "alone", TimeSpan.FromMinutes(10));
        IReadOnlyList<string> alone;
        try
        {
            foreach (var (_, json) in days)
            {
                await aloneHost.RecordAsync(street, json, RecordFormat.Json, "secretary");
            }

            await aloneHost.TickAsync();
            alone = await ViolationsAsync(aloneHost, body);
            alone.ShouldNotBeEmpty();
        }
        finally
        {
            await aloneHost.DisposeAsync();
        }

        var schema = server.NewSchemaName();
        var clock = new ManualClock(end);
        await using var aStores = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
        await using var bStores = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
        var hosts = new[]
        {
            await StartAsync(aStores, clock, "host-a", TimeSpan.FromMinutes(10)),
            await StartAsync(bStores, clock, "host-b", TimeSpan.FromMinutes(10)),
        };
        try
        {
            for (var round = 0; round < 2; round++)
            {
                foreach (var host in hosts)
                {
                    await host.Partitions.RenewAsync();
                }
            }

            foreach (var host in hosts)
            {
                await host.TickAsync();
            }

            // Every record of the street goes through the host that does not own the body; only the owner ticks after.
            var owner = hosts.Single(h => h.Partitions.OwnerOf(body) == h.Partitions.HostId);
            var other = hosts.Single(h => h != owner);
            foreach (var (_, json) in days)
            {
                await other.RecordAsync(street, json, RecordFormat.Json, "secretary");
            }

            await owner.TickAsync();

            var split = await ViolationsAsync(owner, body);
            split.ShouldNotBeEmpty();
            split.ShouldBe(alone);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private async Task<IReadOnlyList<string>> ViolationsOfOneHostAsync()
    {
        await using var stores = await PostgresCampaignStores.OpenAsync(server.ConnectionString, server.NewSchemaName());
        var host = await StartAsync(stores, new ManualClock(Now), "alone", TimeSpan.FromMinutes(10));
        try
        {
            await host.TickAsync();
            return await ViolationsAsync(host);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static Task<CampaignService> StartAsync(CampaignStores stores, ManualClock clock, string hostId, TimeSpan lease) =>
        CampaignService.StartAsync(
            stores,
            new CampaignOptions { DefinitionsPath = Repository.Path("definitions"), Clock = clock, HostId = hostId, PartitionLease = lease },
            NullLogger<CampaignService>.Instance);

    private static async Task<IReadOnlyList<string>> ViolationsAsync(CampaignService service, string? unit = null)
    {
        var all = await service.QueryViolationsAsync(new ViolationQuery { Units = unit is null ? null : [unit], Limit = 100_000 });
        return [.. all.Items.Select(v => $"{v.Id} {v.Status} {v.Details}").Order(StringComparer.Ordinal)];
    }
}
