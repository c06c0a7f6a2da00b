using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Lifecycle;

/// <summary><see cref="PlanLifecycleScenario"/> on the default store, SQLite in a data folder, restarted on the same folder.</summary>
public sealed class PlanLifecycleTests : IDisposable
{
    private readonly string _data = CampaignServer.NewDataFolder();

    [Fact]
    public Task A_version_goes_from_draft_through_return_and_approval_to_published_and_running_units_keep_theirs() =>
        PlanLifecycleScenario.RunAsync(() => new CampaignServer(dataFolder: _data));

    [Fact]
    public async Task The_openapi_document_lists_every_step()
    {
        using var server = new CampaignServer();
        var paths = (await server.As(null).GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/plans/drafts", "/plans/{id}/versions/{version}", "/plans/{id}/versions/{version}/submit", "/plans/{id}/versions/{version}/return", "/plans/{id}/versions/{version}/approve", "/plans/{id}/versions/{version}/publish" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }

        paths.GetProperty("/plans/{id}/versions/{version}/return").GetProperty("post").GetProperty("responses").TryGetProperty("403", out _).ShouldBeTrue();
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
