using System.Net;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Server.Tests.Hosting;

/// <summary>First start and restart on one data folder: the admin token made once, the SQLite file kept.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _data = CampaignServer.NewDataFolder();

    [Fact]
    public async Task The_first_start_makes_one_admin_token_and_a_restart_keeps_it_and_every_record()
    {
        string token;
        using (var first = new CampaignServer(tokens: false, dataFolder: _data))
        {
            first.CreateClient();
            var tokenFile = Path.Combine(_data, TokenRegistry.AdminTokenFileName);
            token = (await File.ReadAllTextAsync(tokenFile)).Trim();
            token.ShouldStartWith("cf_");
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(tokenFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
                File.GetUnixFileMode(Path.Combine(_data, TokenRegistry.HashesFileName)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var hashes = await File.ReadAllTextAsync(Path.Combine(_data, TokenRegistry.HashesFileName));
            hashes.ShouldNotContain(token);
            hashes.ShouldContain(TokenHash.Of(token));

            var record = """{ "key": "study-w07", "activity": "concentrated-study", "on": "2014-01-31", "hours": "半天", "participants": ["su-zhibang"] }""";
            await (await first.As(token).PostAsync("/units/panyu-ftu/records", ApiJson.Json(record))).ReadAsync(HttpStatusCode.Created);
            (await first.As("t-admin").GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "no configured token, only the generated one");
        }

        var written = File.GetLastWriteTimeUtc(Path.Combine(_data, TokenRegistry.AdminTokenFileName));
        using var second = new CampaignServer(tokens: false, dataFolder: _data);

        var again = """{ "key": "study-w07", "activity": "concentrated-study", "on": "2014-01-31", "hours": "半天", "participants": ["su-zhibang"] }""";
        var duplicate = await (await second.As(token).PostAsync("/units/panyu-ftu/records", ApiJson.Json(again))).ReadAsync(HttpStatusCode.OK);
        duplicate.GetProperty("duplicates").GetInt32().ShouldBe(1);
        File.GetLastWriteTimeUtc(Path.Combine(_data, TokenRegistry.AdminTokenFileName)).ShouldBe(written);
        (await second.Campaigns.Stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(1);
    }

    [Fact]
    public async Task A_plan_with_errors_is_reported_and_the_other_units_run()
    {
        var definitions = Path.Combine(_data, "definitions");
        Repository.CopyPlans(definitions);

        var panyu = Path.Combine(definitions, "panyu-ftu-2014.yaml");
        await File.WriteAllTextAsync(panyu, (await File.ReadAllTextAsync(panyu)).Replace("atLeast: 半天", "atleast: 半天"));
        using var server = new CampaignServer(dataFolder: _data, settings: new Dictionary<string, string?> { ["CampaignFlow:Definitions"] = definitions });

        var health = await server.CreateClient().GetJsonAsync("/health");

        health.GetProperty("planProblems").GetInt32().ShouldBeGreaterThan(0);
        health.GetProperty("unitsRunning").GetInt32().ShouldBe(7, "the four other seed units, 魏都区委, 教体局 and 工商局 (their plans inherit the organs' template; no organisation file is copied)");
        server.Campaigns.Service.LoadProblems.ShouldContain(p => p.File.EndsWith("panyu-ftu-2014.yaml") && p.Code == "unknown-key" && p.Line > 1);
        (await server.As(TestTokens.Admin).GetAsync("/units/panyu-ftu/state")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
