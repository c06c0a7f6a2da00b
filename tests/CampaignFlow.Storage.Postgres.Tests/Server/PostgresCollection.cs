using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Storage.Postgres.Tests.Server;

/// <summary>Every PostgreSQL test class shares one private server per test run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PrivatePostgresServer>
{
    public const string Name = "postgres";
}
