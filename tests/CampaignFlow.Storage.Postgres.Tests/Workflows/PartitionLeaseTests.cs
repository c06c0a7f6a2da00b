using CampaignFlow.Storage.Postgres.Partitions;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Storage.Postgres.Workflows;
using CampaignFlow.Testing.Postgres;
using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Partitions;
using CampaignFlow.Workflows.Runtime;
using CampaignFlow.Workflows.Timing;

namespace CampaignFlow.Storage.Postgres.Tests.Workflows;

/// <summary>
/// Hosts on one database split the instances into partitions by lease (docs/adr/0022): each fires the timers of its
/// own partitions only, a host that stops renewing loses its partitions once their leases run out, and a host joining
/// takes its share from the others.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PartitionLeaseTests(PrivatePostgresServer server)
{
    private const int Instances = 60;
    private static readonly DateTimeOffset Start = new(2014, 2, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly PartitionScheme Scheme = new(PartitionScheme.DefaultCount, '@');

    [Fact]
    public async Task Two_hosts_split_the_partitions_and_each_fires_only_the_timers_of_its_own()
    {
        var (schema, leases) = await LeasesAsync();
        var a = new PartitionOwnership(Scheme, "host-a", leases, TimeSpan.FromMinutes(1));
        var b = new PartitionOwnership(Scheme, "host-b", leases, TimeSpan.FromMinutes(1));

        await a.RenewAsync();
        a.Current.Partitions.Count.ShouldBe(Scheme.Count, "alone, a host takes every partition");
        await b.RenewAsync();
        b.Current.Partitions.ShouldBeEmpty("every partition is held; the other gives back its excess on its next renewal");
        await a.RenewAsync();
        await b.RenewAsync();

        a.LiveHosts.ShouldBe(["host-a", "host-b"]);
        ShouldSplit([a, b], [Scheme.Count / 2, Scheme.Count / 2]);

        var clock = new ManualClock(Start);
        var (runtimeA, runtimeB) = (Runtime(schema, clock, a), Runtime(schema, clock, b));
        var keys = await StartAsync(runtimeA);
        clock.SetTo(Start.AddDays(11));

        var firedA = await runtimeA.FireDueTimersAsync();
        var firedB = await runtimeB.FireDueTimersAsync();

        firedA.Select(f => f.CorrelationKey).ShouldAllBe(k => a.Current.Contains(k));
        firedB.Select(f => f.CorrelationKey).ShouldAllBe(k => b.Current.Contains(k));
        firedA.Concat(firedB).Select(f => f.CorrelationKey).Order(StringComparer.Ordinal).ToArray().ShouldBe(keys, "every instance's timer fired once, on the host owning it");
        firedA.ShouldNotBeEmpty();
        firedB.ShouldNotBeEmpty();
        await a.RenewAsync(); // what the other took since this host last looked
        keys.ShouldAllBe(k => a.OwnerOf(k) == b.OwnerOf(k) && a.OwnerOf(k) != null, "both hosts name the same owner of every instance");
    }

    [Fact]
    public async Task A_host_splitting_the_keys_into_another_count_is_refused_before_it_takes_anything()
    {
        var (_, leases) = await LeasesAsync();
        var a = new PartitionOwnership(Scheme, "host-a", leases, TimeSpan.FromMinutes(1));
        var other = new PartitionOwnership(new PartitionScheme(Scheme.Count * 2, '@'), "host-b", leases, TimeSpan.FromMinutes(1));
        await a.RenewAsync();

        var refused = await Should.ThrowAsync<PartitionCountMismatchException>(() => other.RenewAsync());

        refused.Count.ShouldBe(Scheme.Count * 2);
        refused.OtherHostId.ShouldBe("host-a");
        refused.OtherCount.ShouldBe(Scheme.Count);
        other.Current.Partitions.ShouldBeEmpty();
        await a.RenewAsync();
        a.LiveHosts.ShouldBe(["host-a"], "the refused host left the live hosts, so the fair share is not halved for it");
        a.Current.Partitions.Count.ShouldBe(Scheme.Count);
    }

    [Fact]
    public async Task A_host_that_stops_renewing_loses_its_partitions_when_their_lease_runs_out_and_the_other_fires_their_timers()
    {
        var lease = TimeSpan.FromSeconds(2);
        var (schema, leases) = await LeasesAsync();
        var survivor = new PartitionOwnership(Scheme, "survivor", leases, lease);
        var stopped = new PartitionOwnership(Scheme, "stopped", leases, lease);
        await survivor.RenewAsync();
        await stopped.RenewAsync();
        await survivor.RenewAsync();
        await stopped.RenewAsync();
        ShouldSplit([survivor, stopped], [Scheme.Count / 2, Scheme.Count / 2]);

        var clock = new ManualClock(Start);
        var runtime = Runtime(schema, clock, survivor);
        var keys = await StartAsync(runtime);
        clock.SetTo(Start.AddDays(11));
        var before = await runtime.FireDueTimersAsync();
        before.Count.ShouldBeLessThan(keys.Count, "the stopped host's instances wait for their owner");
        (await runtime.GetNextTimerDueAtAsync()).ShouldBe(Start.AddDays(40), "the stopped host's overdue timers do not wake this host; its own close on day 40");

        await survivor.RenewAsync();
        survivor.Current.Partitions.Count.ShouldBe(Scheme.Count / 2, "the stopped host's leases have not run out yet");
        await Task.Delay(lease + TimeSpan.FromSeconds(1));
        await survivor.RenewAsync();

        survivor.LiveHosts.ShouldBe(["survivor"]);
        survivor.Current.Partitions.Count.ShouldBe(Scheme.Count, "the dead host's partitions are taken over");
        var after = await runtime.FireDueTimersAsync();
        before.Concat(after).Select(f => f.CorrelationKey).Order(StringComparer.Ordinal).ToArray().ShouldBe(keys, "no timer lost, none fired twice");
    }

    [Fact]
    public async Task A_third_host_joining_takes_its_share_from_the_two_running()
    {
        var (_, leases) = await LeasesAsync();
        var hosts = new[] { "host-a", "host-b", "host-c" }.Select(h => new PartitionOwnership(Scheme, h, leases, TimeSpan.FromMinutes(1))).ToArray();
        for (var round = 0; round < 2; round++)
        {
            await hosts[0].RenewAsync();
            await hosts[1].RenewAsync();
        }

        ShouldSplit(hosts[..2], [32, 32]);
        for (var round = 0; round < 2; round++)
        {
            foreach (var host in hosts)
            {
                await host.RenewAsync();
            }
        }

        // 64 over three: two hosts keep 22 each (the share rounded up), the newcomer takes the 20 they gave back.
        ShouldSplit(hosts, [22, 22, 20]);
        hosts[2].LiveHosts.Count.ShouldBe(3);
    }

    private static void ShouldSplit(IReadOnlyList<PartitionOwnership> hosts, int[] counts)
    {
        hosts.Select(h => h.Current.Partitions.Count).ShouldBe(counts);
        hosts.SelectMany(h => h.Current.Partitions).Distinct().Count().ShouldBe(counts.Sum(), "no partition has two owners");
    }

    private async Task<(string Schema, PostgresPartitionLeaseStore Leases)> LeasesAsync()
    {
        var schema = server.NewSchemaName();
        await PostgresWorkflowStore.OpenAsync(server.DataSource, schema);
        return (schema, new PostgresPartitionLeaseStore(server.DataSource, schema));
    }

    private WorkflowRuntime Runtime(string schema, ManualClock clock, PartitionOwnership partitions) =>
        new(new PostgresWorkflowStore(server.DataSource, schema), Definitions, clock, new WorkflowRuntimeOptions { ClaimerId = partitions.HostId, Partitions = partitions });

    // Keys shaped as the campaigns' (subject@version): the partition is the subject's.
    private static async Task<IReadOnlyList<string>> StartAsync(WorkflowRuntime runtime)
    {
        var keys = Enumerable.Range(0, Instances).Select(i => $"subject-{i}@1").Order(StringComparer.Ordinal).ToArray();
        await runtime.StartManyAsync("plan", keys);
        return keys;
    }

    private static readonly WorkflowDefinitionRegistry Definitions = new(new WorkflowDefinition("plan", 1,
        new Window("study", Start.AddDays(10), Start.AddDays(40), new RunTask("mobilization", "mobilization-held", "{correlation}"))));
}
