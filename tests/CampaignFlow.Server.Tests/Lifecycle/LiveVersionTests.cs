using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Lifecycle;

/// <summary><see cref="LiveVersionScenario"/> on the default store, SQLite in a data folder: one server publishes and answers.</summary>
public sealed class LiveVersionTests
{
    [Fact]
    public async Task A_version_published_through_the_api_is_compared_and_migrated_to_at_once_on_sqlite()
    {
        using var server = new CampaignServer();
        await LiveVersionScenario.RunAsync(server, server);
    }

    [Fact]
    public async Task A_template_version_in_the_store_is_in_the_list_of_plans_at_once_on_sqlite()
    {
        using var server = new CampaignServer();
        await LiveListScenario.RunAsync(server, server);
    }
}
