using System.Globalization;
using System.Text.Json;
using CampaignFlow.Campaigns.Queries;
using CsvHelper;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>simulate --format json|csv</c> is for tools: stdout holds one JSON document or one CSV file and nothing else
/// (the counts go to stderr), in the API's violation shape — camelCase keys, kinds, severities and statuses as
/// kebab-case words — read back here by parsing, as a tool would.
/// </summary>
public class SimulateFormatTests
{
    private static readonly string[] Mianyang = ["simulate", "mianyang-ftu-2014", "--activities", "definitions/activities/mianyang-ftu-2014.yaml"];

    [Fact]
    public void Json_is_one_document_on_stdout_with_the_counts_on_stderr()
    {
        var run = CliRun.Of([.. Mianyang, "--format", "json", "--lang", "en"]);

        run.ExitCode.ShouldBe(0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        root.GetProperty("plan").GetString().ShouldBe("mianyang-ftu-2014");
        root.GetProperty("unit").GetString().ShouldBe("mianyang-ftu");
        root.GetProperty("at").GetString().ShouldBe("2014-09-30", "the day at whose end it stopped");
        root.GetProperty("violations").GetArrayLength().ShouldBe(5);
        root.GetProperty("pending").GetInt32().ShouldBe(0);
        run.Error.Trim().ShouldBe("5 violation(s), 0 warning(s), 0 pending at the end of 2014-09-30");
    }

    [Fact]
    public void Json_violations_have_the_APIs_keys_and_kebab_case_words()
    {
        var run = CliRun.Of([.. Mianyang, "--format", "json", "--lang", "zh-CN"]);

        run.ExitCode.ShouldBe(0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var apiKeys = typeof(ViolationView).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order().ToArray();
        foreach (var v in document.RootElement.GetProperty("violations").EnumerateArray())
        {
            v.EnumerateObject().Select(p => p.Name).Order().ShouldBe(apiKeys);
            v.GetProperty("kind").GetString()!.ShouldMatch("^[a-z]+(-[a-z]+)*$");
            v.GetProperty("severity").GetString().ShouldBeOneOf("required", "soft");
            v.GetProperty("status").GetString().ShouldBe("open");
            v.GetProperty("unit").GetString().ShouldBe("mianyang-ftu");
            v.GetProperty("body").GetString().ShouldBe("mianyang-city");
            v.GetProperty("message").GetString().ShouldBe(v.GetProperty("messageZh").GetString());
            v.GetProperty("evidence").GetProperty("evidence").GetProperty("counted").ValueKind.ShouldBe(JsonValueKind.Array);
            DateOnly.ParseExact(v.GetProperty("periodEnd").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(new DateOnly(2014, 9, 30));
        }

        document.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("kind").GetString()).ShouldContain("period-minimum");
    }

    [Fact]
    public void Csv_is_UTF8_with_a_byte_order_mark_in_the_APIs_columns_with_the_counts_on_stderr()
    {
        var run = CliRun.Of([.. Mianyang, "--format", "csv", "--lang", "zh-CN"]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutputBytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        using var reader = new StreamReader(new MemoryStream(run.OutputBytes), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read().ShouldBeTrue();
        csv.ReadHeader().ShouldBeTrue();
        csv.HeaderRecord.ShouldBe(ViolationCsv.Header.Split(','));
        var rows = new List<(string Id, string Kind, string Severity, string Status, string Message)>();
        while (csv.Read())
        {
            rows.Add((csv.GetField("id")!, csv.GetField("kind")!, csv.GetField("severity")!, csv.GetField("status")!, csv.GetField("message")!));
        }

        rows.Count.ShouldBe(5);
        rows.ShouldAllBe(r => r.Id.StartsWith("mianyang-ftu/", StringComparison.Ordinal) && r.Status == "open" && (r.Severity == "required" || r.Severity == "soft"));
        rows.Select(r => r.Kind).ShouldContain("period-minimum");
        rows.ShouldContain(r => r.Message.Contains("小时"), "the message column in the language asked for");
        run.Error.Trim().ShouldBe("截至2014年9月30日（该日结束时）：违反 5 项，警告 0 项，未到期 0 项");
    }

    [Fact]
    public void Json_and_csv_carry_the_same_violations()
    {
        var json = CliRun.Of([.. Mianyang, "--format", "json"]);
        var csv = CliRun.Of([.. Mianyang, "--format", "csv"]);

        using var document = JsonDocument.Parse(json.Output);
        using var reader = new CsvReader(new StreamReader(new MemoryStream(csv.OutputBytes)), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var csvIds = new List<string>();
        while (reader.Read())
        {
            csvIds.Add(reader.GetField("id")!);
        }

        csvIds.ShouldBe(document.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToList());
    }
}
