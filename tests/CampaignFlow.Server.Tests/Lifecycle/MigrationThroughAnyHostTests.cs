using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Server.Tests.Lifecycle;

/// <summary>
/// <see cref="MigrationThroughAnyHostScenario"/>: on one SQLite server, and on two servers sharing one PostgreSQL
/// database, migrated through the host that does not own the street and recorded through the one that does; the
/// owner's answers are one host's.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrationThroughAnyHostTests(PrivatePostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_unit_migrated_through_a_host_that_does_not_own_it_is_judged_by_its_new_version_on_its_owner()
    {
        using var single = new CampaignServer();
        await MigrationThroughAnyHostScenario.MigrateAsync(single);
        await MigrationThroughAnyHostScenario.RecordVisitsAsync(single);
        await single.MoveToEndOfAsync(MigrationThroughAnyHostScenario.Judged);
        await MigrationThroughAnyHostScenario.ShouldJudgeByVersionTwoAsync(single);
        var oneHost = await MigrationThroughAnyHostScenario.OpenAsync(single);

        var connection = await postgres.CreateDatabaseAsync();
        using var a = Host(connection, "migrating-a");
        using var b = Host(connection, "migrating-b");
        var (owner, other) = await OwnerOfTheStreetAsync(a, b);

        // The owner has judged the street by version 1 (its start's first pass), so it holds it in memory on version 1.
        await owner.TickAsync();
        await MigrationThroughAnyHostScenario.MigrateAsync(other);
        (await owner.As(TestTokens.Admin).GetJsonAsync($"/units/{MigrationThroughAnyHostScenario.Unit}/migrations")).GetArrayLength().ShouldBe(1);
        await MigrationThroughAnyHostScenario.RecordVisitsAsync(owner);

        foreach (var server in new[] { owner, other })
        {
            server.Clock.MoveTo(single.Clock.GetUtcNow());
        }

        await owner.TickAsync();
        await other.TickAsync();
        await owner.TickAsync();

        await MigrationThroughAnyHostScenario.ShouldJudgeByVersionTwoAsync(owner);
        (await MigrationThroughAnyHostScenario.OpenAsync(owner)).Keys.Order(StringComparer.Ordinal)
            .ShouldBe(oneHost.Keys.Order(StringComparer.Ordinal), "the owner's open violations are one host's");
        (await owner.Campaigns.Service.ReadRecordsAsync(MigrationThroughAnyHostScenario.Unit))!.Select(r => r.Key)
            .ShouldBe(["base-visit-batch-1", "base-visit-batch-2"], "the migration's entry in the record log is not one of the street's records");
    }

    private static CampaignServer Host(string connection, string id)
    {
        var server = new CampaignServer(postgresConnection: connection, settings: new Dictionary<string, string?>
        {
            ["CampaignFlow:HostId"] = id,
            ["CampaignFlow:PartitionLeaseSeconds"] = "3",
        });
        server.CreateClient().Dispose(); // starts the host
        return server;
    }

    // The first server holds every partition until it sees the second and gives back its excess: a renewal or two.
    // Then both name the same owner of the street, and it is one of them.
    private static async Task<(CampaignServer Owner, CampaignServer Other)> OwnerOfTheStreetAsync(CampaignServer a, CampaignServer b)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var seenByA = a.Campaigns.Service.Partitions.OwnerOf(MigrationThroughAnyHostScenario.Unit);
            var seenByB = b.Campaigns.Service.Partitions.OwnerOf(MigrationThroughAnyHostScenario.Unit);
            var (ownedByA, ownedByB) = (a.Campaigns.Service.Partitions.Current.Partitions, b.Campaigns.Service.Partitions.Current.Partitions);
            var split = ownedByA.Count > 0 && ownedByB.Count > 0 && ownedByA.Count + ownedByB.Count == a.Campaigns.Service.Partitions.Current.Scheme.Count;
            if (split && seenByA is not null && seenByA == seenByB)
            {
                return seenByA == "migrating-a" ? (a, b) : (b, a);
            }

            waited.Elapsed.ShouldBeLessThan(Patience, "the two servers did not split the partitions");
            await Task.Delay(250);
        }
    }
}
