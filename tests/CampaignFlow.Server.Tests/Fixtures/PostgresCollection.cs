using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Server.Tests.Fixtures;

/// <summary>The run's private PostgreSQL server (tests/CampaignFlow.Testing.Postgres); without binaries its tests fail, never skip.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PrivatePostgresServer>
{
    public const string Name = "postgres";
}
