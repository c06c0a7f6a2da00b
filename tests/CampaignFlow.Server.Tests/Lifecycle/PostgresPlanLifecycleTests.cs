using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Server.Tests.Lifecycle;

/// <summary><see cref="PlanLifecycleScenario"/> on PostgreSQL: a fresh database of the run's private server, restarted on it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPlanLifecycleTests(PrivatePostgresServer postgres)
{
    [Fact]
    public async Task A_version_goes_from_draft_through_return_and_approval_to_published_on_postgres()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await PlanLifecycleScenario.RunAsync(() => new CampaignServer(postgresConnection: connection));
    }
}
