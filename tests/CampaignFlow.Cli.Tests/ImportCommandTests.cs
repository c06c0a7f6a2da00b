using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow import</c> sends a unit's records to a running server in batches: a YAML log is stored but for the
/// records the token may not submit, which a second import with a token that may adds while it finds the rest stored; a large CSV reports its progress on stderr and stores every good row, while the
/// bad ones are refused by line with the server's reason and the exit code says so.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class ImportCommandTests(ServerWithViolations fixture) : IClassFixture<ServerWithViolations>, IDisposable
{
    private const string Server = "http://localhost";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("campaignflow-cli-import-");

    [Fact]
    public async Task A_YAML_log_is_stored_but_for_the_reviews_the_token_may_not_submit_which_a_second_import_adds()
    {
        var log = Repository.Path("definitions", "activities", "mianyang-ftu-2014.yaml");
        var (count, supervisorReviews) = RecordsIn(log);
        supervisorReviews.ShouldNotBeEmpty();

        var recorder = await RunAsync(TestTokens.RecorderMianyang, "import", log, "--unit", "mianyang-ftu", "--server", Server, "--batch", "40", "--lang", "en");
        var admin = await RunAsync(null, "import", log, "--unit", "mianyang-ftu", "--server", Server, "--token", TestTokens.Admin, "--lang", "en");

        recorder.ExitCode.ShouldBe(1, recorder.Output + recorder.Error);
        RefusedLine().Matches(recorder.Output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ShouldBe(supervisorReviews);
        recorder.Output.Trim().Split('\n')[^1].ShouldBe(
            $"{log} → mianyang-ftu: {count} record(s) read, {count - supervisorReviews.Length} stored, 0 already stored (duplicates), {supervisorReviews.Length} refused");
        admin.ExitCode.ShouldBe(0, admin.Output + admin.Error);
        admin.Output.Trim().ShouldBe(
            $"{log} → mianyang-ftu: {count} record(s) read, {supervisorReviews.Length} stored, {count - supervisorReviews.Length} already stored (duplicates), 0 refused");
        using var resolved = JsonDocument.Parse(await fixture.Server.As(TestTokens.Admin).GetStringAsync("/violations?unit=mianyang-ftu&status=resolved"));
        resolved.RootElement.GetProperty("total").GetInt32().ShouldBeGreaterThan(0, "the records resolved what the empty months had opened");
    }

    [Fact]
    public async Task A_large_CSV_shows_progress_stores_the_good_rows_and_refuses_the_bad_ones_by_line()
    {
        const int rows = 1200;
        var csv = new StringBuilder("key,activity,on,hours,participants\n");
        var bad = new Dictionary<int, string> { [101] = "no-such-activity", [1150] = "concentrated-study" };
        for (var i = 0; i < rows; i++)
        {
            var line = i + 2;
            var activity = bad.TryGetValue(line, out var wrong) ? wrong : "concentrated-study";
            var day = line == 1150 ? "2014-02-30" : $"2014-03-{1 + (i % 28):00}";
            csv.Append($"csv-study-{i},{activity},{day},1h,su-zhibang;chen-huimin\n");
        }

        var file = Path.Combine(_folder.FullName, "studies.csv");
        File.WriteAllText(file, csv.ToString(), new UTF8Encoding(true));

        var run = await RunAsync(null, "import", file, "--unit", "panyu-ftu", "--server", Server, "--token", TestTokens.RecorderPanyu, "--batch", "100", "--lang", "en");

        run.ExitCode.ShouldBe(1, run.Error);
        ProgressLine().Matches(run.Error).Count.ShouldBeGreaterThanOrEqualTo(5, run.Error);
        var refused = RefusedLine().Matches(run.Output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        refused.ShouldBe([101, 1150]);
        run.Output.ShouldContain("no-such-activity");
        run.Output.Trim().Split('\n')[^1].ShouldBe($"{file} → panyu-ftu: {rows} record(s) read, {rows - 2} stored, 0 already stored (duplicates), 2 refused");
    }

    [Fact]
    public async Task Without_a_unit_a_CSV_of_many_units_goes_to_each_unit_and_an_unknown_units_rows_are_refused_by_line()
    {
        var csv = new StringBuilder("unit,key,activity,on,hours,participants\n");
        for (var i = 0; i < 30; i++)
        {
            csv.Append($"panyu-ftu,many-units-{i},concentrated-study,2014-03-{1 + i % 28:00},1h,su-zhibang\n");
            csv.Append($"mianyang-ftu,many-units-{i},concentrated-study,2014-03-{1 + i % 28:00},1h,zhang-jianguo\n");
        }

        csv.Append("no-such-unit,many-units-x,concentrated-study,2014-03-03,1h,su-zhibang\n");
        var file = Path.Combine(_folder.FullName, "many-units.csv");
        File.WriteAllText(file, csv.ToString(), new UTF8Encoding(true));

        var run = await RunAsync(TestTokens.Admin, "import", file, "--server", Server, "--batch", "25", "--lang", "en");
        var yaml = await RunAsync(TestTokens.Admin, "import", Repository.Path("definitions", "activities", "mianyang-ftu-2014.yaml"), "--server", Server, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(1, run.Output + run.Error);
        RefusedLine().Matches(run.Output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ShouldBe([62]);
        run.Output.ShouldContain("no-such-unit");
        run.Output.Trim().Split('\n')[^1].ShouldBe($"{file} → the units the file names: 61 record(s) read, 60 stored, 0 already stored (duplicates), 1 refused");
        var records = fixture.Server.Campaigns.Stores.Records;
        (await records.GetAsync("panyu-ftu", "many-units-29")).ShouldNotBeNull();
        (await records.GetAsync("mianyang-ftu", "many-units-29")).ShouldNotBeNull();
        yaml.ExitCode.ShouldBe(2);
        yaml.Error.ShouldContain("--unit");
    }

    [Fact]
    public async Task A_broken_YAML_file_stops_at_its_line_and_a_refused_token_stops_at_once()
    {
        var broken = Path.Combine(_folder.FullName, "broken.yaml");
        File.WriteAllText(broken, "plan: panyu-ftu-2014\nrecords:\n  - { key: a, activity: concentrated-study, on: 2014-03-03, hours: 1h }\n  - { key: b, activity: [unclosed\n");
        var csv = Path.Combine(_folder.FullName, "one.csv");
        File.WriteAllText(csv, "key,activity,on,hours\nx,concentrated-study,2014-03-03,1h\n");

        var syntax = await RunAsync(TestTokens.RecorderPanyu, "import", broken, "--unit", "panyu-ftu", "--server", Server, "--lang", "zh-CN");
        var foreign = await RunAsync(TestTokens.RecorderMianyang, "import", csv, "--unit", "panyu-ftu", "--server", Server, "--lang", "en");
        var unreachable = CliRun.Of("import", csv, "--unit", "panyu-ftu", "--server", "http://127.0.0.1:9", "--token", "t", "--lang", "en");

        syntax.ExitCode.ShouldBe(1);
        syntax.Error.ShouldStartWith($"{broken} 第 5 行");
        foreign.ExitCode.ShouldBe(5);
        foreign.Error.ShouldStartWith("the server at http://localhost refused: ");
        unreachable.ExitCode.ShouldBe(4);
        unreachable.Error.ShouldStartWith("cannot reach the server at http://127.0.0.1:9");
        foreach (var run in new[] { syntax, foreign, unreachable })
        {
            run.Error.ShouldNotContain("   at ");
        }
    }

    [Fact]
    public async Task A_CSV_broken_on_line_5_stores_lines_2_to_4_and_says_so_before_the_error()
    {
        var csv = Path.Combine(_folder.FullName, "broken.csv");
        File.WriteAllText(csv, """
            key,activity,on,hours,participants
            broken-csv-2,concentrated-study,2014-04-01,1h,su-zhibang
            broken-csv-3,concentrated-study,2014-04-02,1h,su-zhibang
            broken-csv-4,concentrated-study,2014-04-03,1h,su-zhibang
            "broken-csv-5"x,concentrated-study,2014-04-04,1h,su-zhibang
            broken-csv-6,concentrated-study,2014-04-05,1h,su-zhibang

            """);

        var run = await RunAsync(TestTokens.RecorderPanyu, "import", csv, "--unit", "panyu-ftu", "--server", Server, "--batch", "100", "--lang", "en");

        run.ExitCode.ShouldBe(1, run.Output + run.Error);
        run.Output.Trim().ShouldBe($"{csv} → panyu-ftu: before the stop, 3 record(s) read, 3 stored, 0 already stored (duplicates), 0 refused");
        run.Error.ShouldStartWith($"{csv}:5:");
        // The same three rows again: the store already holds each of them.
        var again = Path.Combine(_folder.FullName, "again.csv");
        File.WriteAllLines(again, File.ReadAllLines(csv)[..4]);
        var rerun = await RunAsync(TestTokens.RecorderPanyu, "import", again, "--unit", "panyu-ftu", "--server", Server, "--lang", "en");
        rerun.Output.Trim().ShouldBe($"{again} → panyu-ftu: 3 record(s) read, 0 stored, 3 already stored (duplicates), 0 refused", rerun.Error);
    }

    [Fact]
    public async Task A_CSV_saved_in_GBK_is_refused_at_its_first_foreign_byte_and_nothing_is_sent()
    {
        // 半天 in GBK, as Excel saves a CSV in a Chinese office: the rows were sent with U+FFFD and stored.
        const string Before = "key,activity,on,hours,participants\ngbk-cli-1,concentrated-study,2014-04-01,1h,su-zhibang\ngbk-cli-2,concentrated-study,2014-04-01,";
        var csv = Path.Combine(_folder.FullName, "gbk.csv");
        File.WriteAllBytes(csv, [.. Encoding.UTF8.GetBytes(Before), 0xB0, 0xEB, 0xCC, 0xEC, .. ",su-zhibang\n"u8.ToArray()]);
        var column = Before.Length - Before.LastIndexOf('\n');

        var run = await RunAsync(TestTokens.RecorderPanyu, "import", csv, "--unit", "panyu-ftu", "--server", Server, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(1, run.Output + run.Error);
        run.Error.ShouldStartWith($"{csv}:3:{column}: ");
        run.Error.ShouldContain("file-not-utf8");
        run.Error.ShouldContain("UTF-8 编码");
        (await fixture.Server.Campaigns.Stores.Records.GetAsync("panyu-ftu", "gbk-cli-1")).ShouldBeNull("a refused file sends none of its rows");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    // How many records the log holds, and the lines of the supervision group's reviews among them (a recorder's token may not submit those).
    private static (int Count, int[] SupervisorReviews) RecordsIn(string log)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(log))
        {
            yaml.Load(reader);
        }

        var records = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("records")]).Children;
        var reviews = records.OfType<YamlMappingNode>()
            .Where(r => r.Children.TryGetValue(new YamlScalarNode("by"), out var by) && by is YamlScalarNode { Value: "supervisor" })
            .Select(r => (int)r.Start.Line)
            .ToArray();
        return (records.Count, reviews);
    }

    [GeneratedRegex(@"^\d+ record\(s\) read \(\d+%\), \d+ stored$", RegexOptions.Multiline)]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@":(\d+): refused: ")]
    private static partial Regex RefusedLine();

    private Task<CliRun> RunAsync(string? tokenVariable, params string[] args) => Task.Run(() => CliRun.Against(fixture.Http, tokenVariable, args));
}
