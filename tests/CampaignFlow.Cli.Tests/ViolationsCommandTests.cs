using System.Globalization;
using System.Text;
using System.Text.Json;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Server.Tests.Fixtures;
using CsvHelper;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow violations</c> against a running server and against its data folder answers what the API's
/// <c>GET /violations</c> answers: the same page as JSON, the same rows as CSV (with a byte-order mark), read back here
/// by parsing; the filters mean what they mean in the API; a person gets a Chinese table.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ViolationsCommandTests(ServerWithViolations fixture) : IClassFixture<ServerWithViolations>
{
    private const string Server = "http://localhost";

    [Fact]
    public async Task Json_from_the_server_is_the_APIs_page()
    {
        var run = await RunAsync(TestTokens.Auditor, "violations", "--server", Server, "--token", TestTokens.Auditor, "--unit", "panyu-ftu", "--status", "open", "--format", "json", "--lang", "en");

        run.ExitCode.ShouldBe(0, run.Error);
        using var cli = JsonDocument.Parse(run.Output);
        using var api = JsonDocument.Parse(await fixture.Server.As(TestTokens.Auditor).GetStringAsync("/violations?unit=panyu-ftu&status=open"));
        cli.RootElement.GetProperty("total").GetInt32().ShouldBe(api.RootElement.GetProperty("total").GetInt32());
        cli.RootElement.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        Ids(cli.RootElement).ShouldBe(Ids(api.RootElement));
        var keys = typeof(ViolationView).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order().ToArray();
        foreach (var v in cli.RootElement.GetProperty("items").EnumerateArray())
        {
            v.EnumerateObject().Select(p => p.Name).Order().ShouldBe(keys);
            v.GetProperty("unit").GetString().ShouldBe("panyu-ftu");
            v.GetProperty("status").GetString().ShouldBe("open");
            v.GetProperty("message").GetString().ShouldBe(v.GetProperty("messageEn").GetString());
        }

        run.Error.Trim().ShouldBe($"{cli.RootElement.GetProperty("total").GetInt32()} match, {cli.RootElement.GetProperty("items").GetArrayLength()} on this page");
    }

    [Fact]
    public async Task Csv_from_the_server_without_a_limit_is_every_match_with_a_byte_order_mark()
    {
        var run = await RunAsync(null, "violations", "--server", Server, "--token", TestTokens.AuditorWeidu, "--body", "weidu-district", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutputBytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var rows = Csv(run.Output);
        rows[0].ShouldBe(ViolationCsv.Header.Split(','));
        using var api = JsonDocument.Parse(await fixture.Server.As(TestTokens.AuditorWeidu).GetStringAsync("/violations?body=weidu-district&limit=1"));
        (rows.Count - 1).ShouldBe(api.RootElement.GetProperty("total").GetInt32(), "without --limit, CSV exports every match, not a page");
        rows.Count.ShouldBeGreaterThan(101, "more than the JSON's default page");
        run.Error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--server")]
    [InlineData("--data")]
    public async Task Csv_takes_offset_and_limit_as_the_json_page_and_the_servers_export_do(string where)
    {
        string[] source = where == "--server" ? ["--server", Server, "--token", TestTokens.Admin] : ["--data", fixture.Server.DataFolder];
        string[] filters = ["--body", "weidu-district", "--offset", "3", "--limit", "5", "--lang", "zh-CN"];

        var csv = await RunAsync(null, ["violations", .. source, .. filters, "--format", "csv"]);
        var json = await RunAsync(null, ["violations", .. source, .. filters, "--format", "json"]);
        var skipped = await RunAsync(null, ["violations", .. source, "--body", "weidu-district", "--offset", "3", "--format", "csv", "--lang", "zh-CN"]);

        csv.ExitCode.ShouldBe(0, csv.Error);
        json.ExitCode.ShouldBe(0, json.Error);
        using var page = JsonDocument.Parse(json.Output);
        var rows = Csv(csv.Output);
        rows[0].ShouldBe(ViolationCsv.Header.Split(','));
        var id = Array.IndexOf(rows[0], "id");
        rows.Skip(1).Select(r => r[id]).ShouldBe(Ids(page.RootElement));
        rows.Count.ShouldBe(6);
        using var export = new StringReader(await fixture.Server.As(TestTokens.Admin).GetStringAsync("/violations?body=weidu-district&offset=3&limit=5&format=csv"));
        Csv(export.ReadToEnd()).Skip(1).Select(r => r[id]).ShouldBe(rows.Skip(1).Select(r => r[id]), "as the server's own CSV export");
        var rest = Csv(skipped.Output);
        (rest.Count - 1).ShouldBe(page.RootElement.GetProperty("total").GetInt32() - 3, "an offset without a limit runs to the last match");
        rest[1].ShouldBe(rows[1]);
    }

    [Fact]
    public async Task The_data_folder_answers_as_the_server_does()
    {
        string[] filters = ["--body", "weidu-district", "--status", "open", "--from", "2014-03-01", "--limit", "1000", "--format", "json"];
        var fromServer = await RunAsync(null, ["violations", "--server", Server, "--token", TestTokens.Admin, .. filters]);
        var fromData = await RunAsync(null, ["violations", "--data", fixture.Server.DataFolder, .. filters]);

        fromData.ExitCode.ShouldBe(0, fromData.Error);
        fromServer.ExitCode.ShouldBe(0, fromServer.Error);
        using var server = JsonDocument.Parse(fromServer.Output);
        using var data = JsonDocument.Parse(fromData.Output);
        data.RootElement.GetProperty("total").GetInt32().ShouldBe(server.RootElement.GetProperty("total").GetInt32());
        Ids(data.RootElement).ShouldBe(Ids(server.RootElement));
        Ids(data.RootElement).ShouldNotBeEmpty();

        var csvFromServer = await RunAsync(null, "violations", "--server", Server, "--token", TestTokens.Admin, "--unit", "panyu-ftu", "--format", "csv", "--lang", "zh-CN");
        var csvFromData = await RunAsync(null, "violations", "--data", fixture.Server.DataFolder, "--unit", "panyu-ftu", "--format", "csv", "--lang", "zh-CN");
        Csv(csvFromData.Output).ShouldBe(Csv(csvFromServer.Output));
    }

    [Fact]
    public async Task A_person_reads_a_Chinese_table()
    {
        var run = await RunAsync(TestTokens.RecorderPanyu, "violations", "--server", Server, "--unit", "panyu-ftu", "--requirement", "weekly-study:period-minimum", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["状态", "单位", "要求", "期间", "说明"]);
        var rows = lines.Skip(1).SkipLast(1).ToArray();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.StartsWith("未整改") && r.Contains("panyu-ftu") && r.Contains("weekly-study:period-minimum") && r.Contains("2014年第"));
        lines[^1].ShouldBe($"共 {rows.Length} 条，显示第 1–{rows.Length} 条");
    }

    [Fact]
    public async Task Filters_are_checked_before_anything_is_asked()
    {
        var day = await RunAsync(null, "violations", "--data", fixture.Server.DataFolder, "--from", "2014-02-30", "--lang", "zh-CN");
        var status = await RunAsync(null, "violations", "--server", Server, "--token", TestTokens.Admin, "--status", "closed", "--lang", "en");
        var limit = await RunAsync(null, "violations", "--server", Server, "--token", TestTokens.Admin, "--limit", "5000", "--lang", "en");
        var neither = await RunAsync(null, "violations", "--unit", "panyu-ftu", "--lang", "en");

        day.ExitCode.ShouldBe(2);
        day.Error.Trim().ShouldBe("--from：“2014-02-30”不是有效的值，应为 存在的日期，写成 2014-03-31 的形式。");
        status.ExitCode.ShouldBe(2);
        status.Error.Trim().ShouldBe("--status: 'closed' is not a valid value; expected open or resolved.");
        limit.ExitCode.ShouldBe(2);
        limit.Error.Trim().ShouldBe("--limit: '5000' is not a valid value; expected a whole number from 1 to 1000.");
        neither.ExitCode.ShouldBe(2);
        neither.Error.ShouldContain("--server");
    }

    [Fact]
    public async Task A_token_the_server_refuses_is_said_in_one_line()
    {
        var unknown = await RunAsync(null, "violations", "--server", Server, "--token", "not-a-token", "--lang", "en");
        var foreign = await RunAsync(TestTokens.RecorderPanyu, "violations", "--server", Server, "--unit", "mianyang-ftu", "--lang", "zh-CN");
        var none = await RunAsync(null, "violations", "--server", Server, "--lang", "en");

        unknown.ExitCode.ShouldBe(5);
        unknown.Error.Trim().ShouldStartWith("the server at http://localhost does not accept the token");
        foreign.ExitCode.ShouldBe(5);
        foreign.Error.Trim().ShouldStartWith("服务器 http://localhost 拒绝了请求：");
        foreign.Error.ShouldContain("mianyang-ftu");
        none.ExitCode.ShouldBe(2);
        none.Error.Trim().ShouldBe("a token is needed: give --token, or set the environment variable CAMPAIGNFLOW_TOKEN.");
        foreach (var run in new[] { unknown, foreign, none })
        {
            run.Output.ShouldBeEmpty();
            run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1, run.Error);
        }
    }

    [Fact]
    public void A_server_that_does_not_answer_and_a_folder_without_a_store_are_said_plainly()
    {
        var unreachable = CliRun.Of("violations", "--server", "http://127.0.0.1:9", "--token", "t", "--lang", "en");
        var empty = Directory.CreateTempSubdirectory("campaignflow-cli-empty-");
        var noStore = CliRun.Of("violations", "--data", empty.FullName, "--lang", "zh-CN");
        var left = empty.GetFileSystemInfos();
        empty.Delete();

        unreachable.ExitCode.ShouldBe(4);
        unreachable.Error.Trim().ShouldBe("cannot reach the server at http://127.0.0.1:9: check the address and that the server is running.");
        noStore.ExitCode.ShouldBe(4);
        noStore.Error.Trim().ShouldBe($"数据目录“{empty.FullName}”中没有 campaignflow.db：服务器尚未在此目录中启动过？");
        left.ShouldBeEmpty("the folder is only looked at, nothing is created in it");
    }

    [Fact]
    public async Task With_data_definitions_that_cannot_place_the_body_are_an_error_not_an_empty_list()
    {
        var missing = Path.Combine(Path.GetTempPath(), "campaignflow-no-such-definitions");
        var broken = Directory.CreateTempSubdirectory("campaignflow-cli-broken-definitions-");
        File.WriteAllText(Path.Combine(broken.FullName, "broken.yaml"), "id: broken-2014\nunit: [unclosed\n");

        var noFolder = await RunAsync(null, "violations", "--data", fixture.Server.DataFolder, "--body", "weidu-district", "--definitions", missing, "--lang", "en");
        var withErrors = await RunAsync(null, "violations", "--data", fixture.Server.DataFolder, "--body", "weidu-district", "--definitions", broken.FullName, "--format", "csv", "--lang", "zh-CN");
        var whole = await RunAsync(null, "violations", "--data", fixture.Server.DataFolder, "--definitions", missing, "--limit", "1", "--format", "json", "--lang", "en");
        broken.Delete(recursive: true);

        noFolder.ExitCode.ShouldBe(2);
        noFolder.Output.ShouldBeEmpty();
        noFolder.Error.Trim().ShouldBe(
            $"--definitions: there is no folder '{missing}', so the units of --unit and --body cannot be found; give the plans the server runs with --definitions.");
        withErrors.ExitCode.ShouldBe(2);
        withErrors.Output.ShouldBeEmpty("nothing, not even the CSV's byte-order mark, before the error");
        withErrors.Error.ShouldStartWith($"--definitions：“{broken.FullName}”中的方案有 ");
        whole.ExitCode.ShouldBe(0, "a list without --unit or --body needs no definitions");
        whole.Output.ShouldContain("\"total\"");
    }

    [Fact]
    public async Task With_data_an_unknown_unit_or_body_is_refused_as_the_server_refuses_it()
    {
        var unitFromServer = await RunAsync(null, "violations", "--server", Server, "--token", TestTokens.Admin, "--unit", "no-such-unit", "--lang", "en");
        var unitFromData = await RunAsync(null, "violations", "--data", fixture.Server.DataFolder, "--unit", "no-such-unit", "--lang", "en");
        var unitInChinese = await RunAsync(null, "violations", "--data", fixture.Server.DataFolder, "--unit", "no-such-unit", "--lang", "zh-CN");
        var body = await RunAsync(null, "violations", "--data", fixture.Server.DataFolder, "--body", "no-such-body", "--lang", "en");
        var known = await RunAsync(null, "violations", "--data", fixture.Server.DataFolder, "--body", "weidu-district", "--limit", "1", "--format", "json", "--lang", "en");

        unitFromServer.Error.ShouldContain("no campaign runs for unit 'no-such-unit'");
        unitFromData.ExitCode.ShouldBe(2);
        unitFromData.Error.Trim().ShouldBe("no campaign runs for unit 'no-such-unit'");
        unitInChinese.Error.Trim().ShouldBe("没有单位“no-such-unit”的活动");
        body.ExitCode.ShouldBe(2);
        body.Error.Trim().ShouldBe("no campaign runs for a unit under 'no-such-body'");
        known.ExitCode.ShouldBe(0, known.Error);
        using var page = JsonDocument.Parse(known.Output);
        page.RootElement.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("--server")]
    [InlineData("--data")]
    public async Task A_week_written_as_the_console_writes_it_filters_as_its_iso_label(string where)
    {
        string[] source = where == "--server" ? ["--server", Server, "--token", TestTokens.Admin] : ["--data", fixture.Server.DataFolder];

        var iso = await RunAsync(null, ["violations", .. source, "--unit", "panyu-ftu", "--period", "2014-W10", "--format", "json", "--lang", "zh-CN"]);
        var words = await RunAsync(null, ["violations", .. source, "--unit", "panyu-ftu", "--period", "2014年第10周", "--format", "json", "--lang", "zh-CN"]);

        iso.ExitCode.ShouldBe(0, iso.Error);
        words.ExitCode.ShouldBe(0, words.Error);
        using var isoPage = JsonDocument.Parse(iso.Output);
        using var wordsPage = JsonDocument.Parse(words.Output);
        Ids(isoPage.RootElement).ShouldNotBeEmpty("nothing recorded: 番禺区总工会's week 10 has no study");
        Ids(wordsPage.RootElement).ShouldBe(Ids(isoPage.RootElement));
    }

    private static string[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("id").GetString()!)];

    private static List<string[]> Csv(string text)
    {
        using var csv = new CsvParser(new StringReader(text.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }

    // Off the test's synchronisation context: the CLI waits for the in-process server's answers on this thread.
    private Task<CliRun> RunAsync(string? tokenVariable, params string[] args) => Task.Run(() => CliRun.Against(fixture.Http, tokenVariable, args));
}
