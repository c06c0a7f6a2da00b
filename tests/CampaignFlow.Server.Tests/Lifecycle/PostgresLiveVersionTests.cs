using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Server.Tests.Lifecycle;

/// <summary>
/// <see cref="LiveVersionScenario"/> on PostgreSQL: one server publishes and answers; and two servers on one database,
/// the version published through one and compared and migrated to through the other.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLiveVersionTests(PrivatePostgresServer postgres)
{
    [Fact]
    public async Task A_version_published_through_the_api_is_compared_and_migrated_to_at_once_on_postgres()
    {
        using var server = new CampaignServer(postgresConnection: await postgres.CreateDatabaseAsync());
        await LiveVersionScenario.RunAsync(server, server);
    }

    [Fact]
    public async Task A_version_published_through_one_host_is_compared_and_migrated_to_at_once_through_the_other()
    {
        var connection = await postgres.CreateDatabaseAsync();
        using var a = Host(connection, "live-a");
        using var b = Host(connection, "live-b");
        await LiveVersionScenario.RunAsync(a, b);
    }

    [Fact]
    public async Task A_template_version_published_by_another_host_is_in_the_list_of_plans_at_once()
    {
        var connection = await postgres.CreateDatabaseAsync();
        using var a = Host(connection, "list-a");
        using var b = Host(connection, "list-b");
        await LiveListScenario.RunAsync(a, b);
    }

    private static CampaignServer Host(string connection, string id)
    {
        var server = new CampaignServer(postgresConnection: connection, settings: new Dictionary<string, string?> { ["CampaignFlow:HostId"] = id });
        server.CreateClient().Dispose(); // starts the host, so both run before anything is published
        return server;
    }
}
