using CampaignFlow.Storage.Postgres.Migrations;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Tests.Migrations;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PrivatePostgresServer server)
{
    [Fact]
    public async Task Clients_starting_at_once_apply_each_version_exactly_once()
    {
        var schema = server.NewSchemaName();
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(server.ConnectionString)).ToList();
        try
        {
            var applied = await Task.WhenAll(sources.Select(source => Task.Run(() => PostgresMigrator.MigrateAsync(source, schema))));

            applied.SelectMany(a => a).ShouldBe(Enumerable.Range(1, PostgresMigrator.LatestVersion), "one client applied every version; the others found them applied");
            applied.Count(a => a.Count == 0).ShouldBe(3);
            await using var versions = server.DataSource.CreateCommand($"SELECT count(*), max(version) FROM \"{schema}\".schema_version");
            await using var reader = await versions.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue();
            reader.GetInt64(0).ShouldBe(PostgresMigrator.LatestVersion);
            reader.GetInt32(1).ShouldBe(PostgresMigrator.LatestVersion);
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_current_schema_is_left_alone()
    {
        var schema = server.NewSchemaName();
        (await PostgresMigrator.MigrateAsync(server.DataSource, schema)).ShouldNotBeEmpty();
        (await PostgresMigrator.MigrateAsync(server.DataSource, schema)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("x; DROP TABLE y")]
    [InlineData("")]
    public async Task Schema_names_are_plain_identifiers(string schema) =>
        await Should.ThrowAsync<ArgumentException>(() => PostgresMigrator.MigrateAsync(server.DataSource, schema));
}
