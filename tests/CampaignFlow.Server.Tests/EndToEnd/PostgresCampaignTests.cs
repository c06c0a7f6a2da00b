using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Server.Tests.EndToEnd;

/// <summary>番禺's whole campaign over HTTP on the production store: a fresh database of the run's private server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCampaignTests(PrivatePostgresServer postgres)
{
    [Fact]
    public async Task Panyu_campaign_runs_end_to_end_over_http_on_postgres()
    {
        var connection = await postgres.CreateDatabaseAsync();
        using var server = new CampaignServer(postgresConnection: connection);

        await PanyuCampaignScenario.RunAsync(server);

        // What the API showed is what the database holds.
        await using var source = Npgsql.NpgsqlDataSource.Create(connection);
        await using var count = source.CreateCommand("select count(*) from campaignflow.campaignflow_violations where unit = 'panyu-ftu' and status = 'open'");
        Convert.ToInt32(await count.ExecuteScalarAsync()).ShouldBe(3);
    }
}
