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
/// Two campaign hosts on one database split the seed units between them by partition (docs/adr/0022); their records go
/// to either host, and the violations they open and resolve are those one host alone opens and resolves.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PartitionedHostsTests(PrivatePostgresServer server)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateOnly First = new(2014, 2, 1);
    private static readonly DateOnly Last = new(2014, 6, 1);
    private static readonly string[] Logs = ["panyu-ftu-2014", "mianyang-ftu-2014", "weidu-xiguan-street-2014"];

    [Fact]
    public async Task Two_hosts_splitting_the_units_open_and_resolve_the_violations_one_host_does()
    {
        var alone = await RunAsync(hosts: 1);
        var split = await RunAsync(hosts: 2);

        alone.ShouldNotBeEmpty();
        split.ShouldBe(alone);
    }

    private async Task<IReadOnlyList<string>> RunAsync(int hosts)
    {
        var schema = server.NewSchemaName();
        var clock = new ManualClock(At(First));
        var services = new List<CampaignService>();
        var stores = new List<CampaignStores>();
        try
        {
            for (var h = 0; h < hosts; h++)
            {
                var opened = await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema);
                stores.Add(opened);
                services.Add(await CampaignService.StartAsync(opened, new CampaignOptions { DefinitionsPath = Repository.Path("definitions"), Clock = clock, HostId = $"host-{h}" }, NullLogger<CampaignService>.Instance));
            }

            // Two rounds: the first host gives back its excess once it sees the second, which then takes it.
            for (var round = 0; round < 2; round++)
            {
                foreach (var service in services)
                {
                    await service.Partitions.RenewAsync();
                }
            }

            services.Sum(s => s.Partitions.Current.Partitions.Count).ShouldBe(services[0].Partitions.Scheme.Count);
            services.ShouldAllBe(s => s.Partitions.Current.Partitions.Count > 0 || hosts == 1);
            var days = Logs.SelectMany(plan => DemoLogs.Days(plan).Select(d => (Plan: plan, d.Day, d.Json))).Where(d => d.Day < Last).ToArray();
            var posted = 0;
            for (var day = First; day <= Last; day = day.AddDays(7))
            {
                clock.SetTo(At(day));
                foreach (var (plan, _, json) in days.Where(d => d.Day < day && d.Day >= day.AddDays(-7)))
                {
                    var unit = services[0].Units.Single(u => u.PlanId == plan).Id;
                    // Every other post goes to a host that does not own the unit: it must be accepted and judged alike.
                    var owner = services.FindIndex(s => s.Partitions.OwnerOf(unit) == s.Partitions.HostId);
                    var to = services[(owner + posted++) % services.Count];
                    await to.RecordAsync(unit, json, RecordFormat.Json, "secretary");
                }

                foreach (var service in services)
                {
                    await service.TickAsync();
                }
            }

            var all = await services[0].QueryViolationsAsync(new ViolationQuery { Limit = 100_000 });
            return [.. all.Items.Select(v => $"{v.Id} {v.Status}").Order(StringComparer.Ordinal)];
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }

            foreach (var opened in stores)
            {
                await opened.DisposeAsync();
            }
        }
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), China);
}
