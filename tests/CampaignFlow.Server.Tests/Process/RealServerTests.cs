using System.Net;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Tests.Process;

/// <summary>The server as the README starts it: a process of its own, on SQLite in a fresh data folder.</summary>
public sealed class RealServerTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "campaignflow-server-process", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Started_like_the_README_it_answers_health_serves_openapi_and_refuses_anonymous_violations()
    {
        var port = ServerProcess.FreePort();
        using var server = ServerProcess.Start("--definitions", "definitions", "--data", _data, "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var starting = new List<string>();
        var health = await server.WaitUntilStartedAsync(client, TimeSpan.FromSeconds(90), starting);
        health.StatusCode.ShouldBe(HttpStatusCode.OK, server.Output);
        // It may answer before the campaigns run; if it did, it said so.
        starting.ShouldAllBe(answer => answer.Contains("\"status\":\"starting\"", StringComparison.Ordinal));
        (await health.Content.ReadAsStringAsync()).ShouldContain("\"status\":\"ok\"");

        var openApi = await client.GetAsync("/openapi/v1.json");
        openApi.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await openApi.Content.ReadAsStringAsync();
        using (var openApiJson = System.Text.Json.JsonDocument.Parse(document))
        {
            var root = openApiJson.RootElement;
            root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
            var paths = root.GetProperty("paths");
            paths.GetProperty("/units/{unit}/records").GetProperty("post").GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name)
                .ShouldBe(["application/json", "text/csv"]);
            paths.GetProperty("/violations").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
                .ShouldBe(["unit", "body", "plan", "requirement", "phase", "period", "severity", "status", "from", "to", "offset", "limit", "format"], ignoreOrder: true);
            paths.GetProperty("/health").GetProperty("get").GetProperty("security").GetArrayLength().ShouldBe(0);
        }

        var anonymous = await client.GetAsync("/violations");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");

        // First start: an admin token was made, kept as a hash, and written once, owner-only, where the log says.
        var tokenFile = Path.Combine(_data, TokenRegistry.AdminTokenFileName);
        server.Output.ShouldContain(tokenFile);
        File.Exists(Path.Combine(_data, "campaignflow.db")).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(tokenFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var token = (await File.ReadAllTextAsync(tokenFile)).Trim();
        (await File.ReadAllTextAsync(Path.Combine(_data, TokenRegistry.HashesFileName))).ShouldNotContain(token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/violations");
        request.Headers.Authorization = new("Bearer", token);
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Stopped_with_sigterm_while_running_and_while_starting_it_exits_0_without_a_stack_trace()
    {
        var port = ServerProcess.FreePort();
        using (var server = ServerProcess.Start("--definitions", "definitions", "--data", _data, "--urls", $"http://127.0.0.1:{port}"))
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            (await server.WaitUntilStartedAsync(client, TimeSpan.FromSeconds(90))).StatusCode.ShouldBe(HttpStatusCode.OK, server.Output);

            server.Terminate();

            (await server.ExitCodeAsync(TimeSpan.FromSeconds(60))).ShouldBe(0, server.Output);
            server.Output.ShouldNotContain("   at ");
        }

        // Again, as soon as it answers anything: the start may still be running.
        using (var restarted = ServerProcess.Start("--definitions", "definitions", "--data", _data, "--urls", $"http://127.0.0.1:{port}"))
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await restarted.WaitForAsync(client, "/health", TimeSpan.FromSeconds(90));

            restarted.Terminate();

            (await restarted.ExitCodeAsync(TimeSpan.FromSeconds(60))).ShouldBe(0, restarted.Output);
            restarted.Output.ShouldNotContain("   at ");
        }
    }

    [Theory]
    [InlineData(new[] { "--store", "mysql" }, "--store: 'mysql' is neither sqlite nor postgres")]
    [InlineData(new[] { "--store", "postgres" }, "--store postgres needs a connection string")]
    [InlineData(new[] { "--definitions", "no-such-folder" }, "--definitions: the folder 'no-such-folder' does not exist")]
    [InlineData(new[] { "--definitons", "definitions" }, "unknown option '--definitons'")]
    [InlineData(new[] { "--demo-day-ms", "fast" }, "DemoDayMilliseconds")]
    [InlineData(new[] { "--partition-lease-seconds", "1" }, "--partition-lease-seconds：1 不在 3 到 3600 之间。 --partition-lease-seconds: 1 is not between 3 and 3600.")]
    [InlineData(new[] { "--time-zone", "Mars/Olympus_Mons" }, "--time-zone：本机没有名为“Mars/Olympus_Mons”的时区（应为时区数据库中的名称，如 Asia/Shanghai）。 --time-zone: this machine knows no time zone 'Mars/Olympus_Mons'")]
    [InlineData(new[] { "--rules-engine", "drools" }, "--rules-engine：没有名为“drools”的规则引擎，可选 campaignflow|nrules（默认 campaignflow）。 --rules-engine: there is no rules engine 'drools'")]
    public async Task Invalid_options_stop_it_with_one_line_and_exit_code_2(string[] args, string expected)
    {
        using var server = ServerProcess.Start([.. args, "--data", _data, "--urls", $"http://127.0.0.1:{ServerProcess.FreePort()}"]);

        (await server.ExitCodeAsync(TimeSpan.FromSeconds(60))).ShouldBe(2, server.Output);
        server.Output.ShouldContain(expected);
        server.Output.ShouldNotContain("   at ");
        Directory.Exists(_data).ShouldBeFalse("nothing may be created before the options are checked");
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
