using System.Net;
using System.Text.Json;
using CampaignFlow.Server.Api.Partitions;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Server.Tests.EndToEnd;

/// <summary>
/// Two servers on one PostgreSQL database split the units' partitions (docs/adr/0022): /health says which each works,
/// a unit's answers name its owner, and a record sent to the host that does not own the unit is accepted all the same.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PartitionedServersTests(PrivatePostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_servers_split_the_partitions_say_so_in_health_and_name_a_units_owner_on_its_records()
    {
        var connection = await postgres.CreateDatabaseAsync();
        using var a = Server(connection, "server-a");
        using var b = Server(connection, "server-b");
        var (healthA, healthB) = await SplitAsync(a, b);

        healthA.GetProperty("host").GetString().ShouldBe("server-a");
        healthA.GetProperty("leased").GetBoolean().ShouldBeTrue();
        healthA.GetProperty("liveHosts").GetInt32().ShouldBe(2);
        var ownedA = Owned(healthA);
        var ownedB = Owned(healthB);
        ownedA.Intersect(ownedB).ShouldBeEmpty("no partition has two owners");
        ownedA.Union(ownedB).Count().ShouldBe(healthA.GetProperty("count").GetInt32());

        // One record of 番禺 to each server: both accepted, both answers naming the same owner.
        var names = new List<string>();
        foreach (var (server, key) in new[] { (a, "partitioned-a"), (b, "partitioned-b") })
        {
            var response = await server.As(TestTokens.Admin).PostAsync("/units/panyu-ftu/records", ApiJson.Json($$"""{ "key": "{{key}}", "activity": "concentrated-study", "on": "2014-02-20", "hours": "半天", "participants": ["su-zhibang"] }"""));
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            names.Add(response.Headers.GetValues(OwnerHeader.Name).Single());
        }

        names.Distinct().ShouldHaveSingleItem().ShouldBeOneOf("server-a", "server-b");
        (await a.Campaigns.Stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(2);
    }

    private static CampaignServer Server(string connection, string host)
    {
        var server = new CampaignServer(postgresConnection: connection, settings: new Dictionary<string, string?>
        {
            ["CampaignFlow:HostId"] = host,
            ["CampaignFlow:PartitionLeaseSeconds"] = "3",
        });
        server.CreateClient().Dispose(); // starts the host
        return server;
    }

    // The first server holds every partition until it sees the second and gives back its excess: a renewal or two.
    private static async Task<(JsonElement A, JsonElement B)> SplitAsync(CampaignServer a, CampaignServer b)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var healthA = (await ApiJson.GetJsonAsync(a.As(null), "/health")).GetProperty("partitions");
            var healthB = (await ApiJson.GetJsonAsync(b.As(null), "/health")).GetProperty("partitions");
            if (Owned(healthA).Count + Owned(healthB).Count == healthA.GetProperty("count").GetInt32() && Owned(healthA).Count > 0 && Owned(healthB).Count > 0)
            {
                return (healthA, healthB);
            }

            waited.Elapsed.ShouldBeLessThan(Patience, "the two servers did not split the partitions");
            await Task.Delay(250);
        }
    }

    private static List<int> Owned(JsonElement partitions) => [.. partitions.GetProperty("owned").EnumerateArray().Select(p => p.GetInt32())];
}
