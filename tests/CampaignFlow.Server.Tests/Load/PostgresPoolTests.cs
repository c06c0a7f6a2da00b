using System.Globalization;
using System.Net;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Testing.Postgres;
using Npgsql;

namespace CampaignFlow.Server.Tests.Load;

/// <summary>
/// Many units recording at once on PostgreSQL with a small connection pool: each recording holds a connection for
/// its unit's lock beside the store's own, so more concurrent recordings than the pool has connections once answered
/// 500 after the pool's timeout. They wait their turn now, and whatever cannot be served is a 503 with Retry-After.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPoolTests(PrivatePostgresServer postgres)
{
    [Fact]
    public async Task More_concurrent_recordings_than_the_pool_has_connections_are_all_stored()
    {
        var connection = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync()) { MaxPoolSize = 8, Timeout = 3 }.ConnectionString;
        using var server = new CampaignServer(start: new DateOnly(2014, 4, 1), postgresConnection: connection);
        var client = server.As(TestTokens.Admin);
        var units = UnitsBelowTheDistrict().Take(30).ToList();

        var answers = await Task.WhenAll(units.Select(unit => client.PostAsync(
            $"/units/{unit}/records",
            ApiJson.Json($$"""{ "key": "revisit-pool", "activity": "revisit", "on": "2014-03-31" }"""))));

        var statuses = await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}"));
        statuses.ShouldAllBe(s => s.StartsWith("201", StringComparison.Ordinal));
        await using var source = NpgsqlDataSource.Create(connection);
        await using var count = source.CreateCommand("select count(*) from campaignflow.campaignflow_records where key = 'revisit-pool'");
        Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture).ShouldBe(units.Count);
    }

    // Each runs a template inheriting 魏都区委's plan, whose revisit (WD-07) every kind may record.
    private static IEnumerable<string> UnitsBelowTheDistrict() =>
        File.ReadLines(CampaignFlow.Tests.Shared.Repository.Path("definitions/organisation/weidu-district.units.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells[2] != "district-committee")
            .Select(cells => cells[0]);
}
