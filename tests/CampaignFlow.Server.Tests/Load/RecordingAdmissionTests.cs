using System.Net;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.Tests.Load;

/// <summary>Recordings past the server's limit wait their turn; one that waits too long is a 503 with Retry-After, storing nothing.</summary>
public sealed class RecordingAdmissionTests
{
    private const string Record = """{ "key": "own-route-wait", "activity": "concentrated-study", "on": "2014-03-07", "hours": "半天", "participants": ["su-zhibang"] }""";

    [Fact]
    public async Task A_recording_that_finds_no_slot_in_time_is_a_503_with_retry_after_and_stores_nothing()
    {
        using var server = new CampaignServer(start: new DateOnly(2014, 3, 10), settings: new Dictionary<string, string?>
        {
            ["CampaignFlow:MaxConcurrentRecordings"] = "1",
            ["CampaignFlow:RecordingWaitSeconds"] = "1",
        });
        var client = server.As(TestTokens.RecorderPanyu, "zh-CN");

        using (await server.Services.GetRequiredService<RecordingAdmission>().EnterAsync(CancellationToken.None))
        {
            var busy = await client.PostAsync("/units/panyu-ftu/records", ApiJson.Json(Record));

            var problem = await busy.ReadAsync(HttpStatusCode.ServiceUnavailable);
            problem.GetProperty("code").GetString().ShouldBe("server-busy");
            problem.GetProperty("messageZh").GetString()!.ShouldContain("未保存任何内容");
            busy.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        }

        // Sent again once the slot is free: stored now, so the refused one had stored nothing.
        var stored = await (await client.PostAsync("/units/panyu-ftu/records", ApiJson.Json(Record))).ReadAsync(HttpStatusCode.Created);
        stored.GetProperty("inserted").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Maximum Pool Size=8", null, null)]
    [InlineData("Host=127.0.0.1;Maximum Pool Size=8", "2", null)]
    [InlineData("Host=127.0.0.1;Maximum Pool Size=8", "3", "3 recordings at once need 10 PostgreSQL connections; the connection string's pool has 8 (raise Maximum Pool Size, or set at most 2)")]
    [InlineData("Host=127.0.0.1", "48", null)]
    [InlineData("Host=127.0.0.1", "0", "MaxConcurrentRecordings must be at least 1")]
    public void More_recordings_at_once_than_the_postgres_pool_serves_stop_the_server(string connection, string? recordings, string? problem)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CampaignFlow"] = connection,
        }).Build();
        var options = new ServerOptions
        {
            Definitions = CampaignFlow.Tests.Shared.Repository.Path("definitions"),
            Store = "postgres",
            MaxConcurrentRecordings = recordings is null ? null : int.Parse(recordings, System.Globalization.CultureInfo.InvariantCulture),
        };

        var result = new ServerOptionsValidation(configuration).Validate(null, options);

        if (problem is null)
        {
            result.Succeeded.ShouldBeTrue(result.FailureMessage);
            new RecordingAdmission(Options.Create(options), configuration).Limit.ShouldBe(options.MaxConcurrentRecordings ?? 2);
        }
        else
        {
            result.FailureMessage!.ShouldContain(problem);
        }
    }
}
