using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.EndToEnd;

/// <summary>番禺's whole campaign over HTTP on the embedded store: a SQLite file in the test's own data folder.</summary>
public sealed class SqliteCampaignTests
{
    [Fact]
    public async Task Panyu_campaign_runs_end_to_end_over_http_on_sqlite()
    {
        using var server = new CampaignServer();

        await PanyuCampaignScenario.RunAsync(server);

        File.Exists(Path.Combine(server.DataFolder, "campaignflow.db")).ShouldBeTrue();
    }
}
