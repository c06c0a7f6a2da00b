using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// The real server in the test process with the seed plans run to the end of 2014-06-30 and nothing recorded, so every
/// requirement whose period has closed is an open violation; <see cref="Http"/> is what the CLI sends its requests through.
/// </summary>
public sealed class ServerWithViolations : IAsyncLifetime
{
    public CampaignServer Server { get; } = new();

    public HttpMessageHandler Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Http = Server.Server.CreateHandler();
        await Server.MoveToEndOfAsync(new DateOnly(2014, 6, 30));
    }

    public Task DisposeAsync()
    {
        Http.Dispose();
        Server.Dispose();
        return Task.CompletedTask;
    }
}
