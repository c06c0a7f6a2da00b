using System.Text.Json;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// One JSON shape for violations and records, with a schema committed in docs/ for each (issue 17, item 2): what the
/// API answers and the CLI prints is read back here by parsing and checked against the schema, as a tool would;
/// <c>campaignflow schema</c> prints the committed files, so a plan's <c>$schema</c> line works on a fresh clone.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SchemaOutputTests(ServerWithViolations fixture) : IClassFixture<ServerWithViolations>
{
    [Theory]
    [InlineData("record")]
    [InlineData("violation")]
    public void Schema_prints_the_file_committed_in_docs(string what)
    {
        var run = CliRun.Of("schema", what);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ReplaceLineEndings().ShouldBe(File.ReadAllText(Repository.Path("docs", $"{what}.schema.json")).ReplaceLineEndings());
        using var schema = JsonDocument.Parse(run.Output);
        schema.RootElement.GetProperty("$schema").GetString().ShouldBe("https://json-schema.org/draft/2020-12/schema");
    }

    [Fact]
    public void The_committed_plan_schema_is_what_the_plan_model_generates()
    {
        var run = CliRun.Of("schema", "plan");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ReplaceLineEndings().ShouldBe(File.ReadAllText(Repository.Path("docs", "plan.schema.json")).ReplaceLineEndings(),
            "docs/plan.schema.json is regenerated with: campaignflow schema --output docs/plan.schema.json");
    }

    [Fact]
    public void Simulated_violations_open_and_resolved_are_the_schemas_violations()
    {
        var log = Path.Combine(Path.GetTempPath(), "cf-schema-log-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(log, """
            plan: weidu-district-2014
            unit: weidu-district
            records:
              - { key: span-exception, exception: concentrated-education-span, on: 2014-10-08, justification: 经区委同意 }
            """);
        try
        {
            var run = CliRun.Of("simulate", "weidu-district-2014", "--activities", log, "--at", "2014-10-10", "--format", "json");

            run.ExitCode.ShouldBe(0, run.Error);
            using var document = JsonDocument.Parse(run.Output);
            var violations = document.RootElement.GetProperty("violations").EnumerateArray().ToArray();
            violations.ShouldNotBeEmpty();
            foreach (var violation in violations)
            {
                CommittedSchemas.Problems("violation.schema.json", violation).ShouldBeEmpty(violation.GetProperty("id").GetString());
            }

            var resolved = document.RootElement.GetProperty("resolved").EnumerateArray().ShouldHaveSingleItem();
            CommittedSchemas.Problems("violation.schema.json", resolved.GetProperty("violation")).ShouldBeEmpty();
            CommittedSchemas.Problems("violation.schema.json#/$defs/evidence", resolved.GetProperty("evidence")).ShouldBeEmpty();
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public async Task The_APIs_page_and_a_violation_with_its_history_are_the_schemas()
    {
        var client = fixture.Server.As(TestTokens.Auditor);
        using var page = JsonDocument.Parse(await client.GetStringAsync("/violations?unit=panyu-ftu&limit=50"));
        CommittedSchemas.Problems("violation.schema.json#/$defs/page", page.RootElement).ShouldBeEmpty();
        var id = page.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;

        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/violations/{Uri.EscapeDataString(id)}"));

        CommittedSchemas.Problems("violation.schema.json#/$defs/detail", detail.RootElement).ShouldBeEmpty();
        detail.RootElement.GetProperty("history").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_CLIs_page_from_the_server_is_the_schemas_page()
    {
        var run = await Task.Run(() => CliRun.Against(fixture.Http, TestTokens.Auditor,
            "violations", "--server", "http://localhost", "--token", TestTokens.Auditor, "--unit", "panyu-ftu", "--format", "json"));

        run.ExitCode.ShouldBe(0, run.Error);
        using var page = JsonDocument.Parse(run.Output);
        page.RootElement.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
        CommittedSchemas.Problems("violation.schema.json#/$defs/page", page.RootElement).ShouldBeEmpty();
    }

    [Fact]
    public void Every_record_of_the_demo_logs_as_JSON_is_the_schemas_record_and_a_wrong_one_is_not()
    {
        var checkedRecords = 0;
        foreach (var file in Directory.EnumerateFiles(Repository.Path("definitions", "activities"), "*.yaml", SearchOption.AllDirectories))
        {
            var yaml = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                yaml.Load(reader);
            }

            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            if (!root.Children.TryGetValue(new YamlScalarNode("records"), out var records))
            {
                continue;
            }

            foreach (var record in ((YamlSequenceNode)records).Children)
            {
                using var json = JsonDocument.Parse(ActivityRecordJson.Write(record));
                CommittedSchemas.Problems("record.schema.json", json.RootElement).ShouldBeEmpty($"{Path.GetFileName(file)}: {json.RootElement}");
                checkedRecords++;
            }
        }

        checkedRecords.ShouldBeGreaterThan(1000);
        using var two = JsonDocument.Parse("""{ "key": "x", "activity": "concentrated-study", "document": "plan", "on": "2014-03-07" }""");
        CommittedSchemas.Problems("record.schema.json", two.RootElement).ShouldNotBeEmpty("a record is one thing");
        using var typo = JsonDocument.Parse("""{ "key": "x", "activity": "concentrated-study", "on": "2014-03-07", "participant": ["su-zhibang"] }""");
        CommittedSchemas.Problems("record.schema.json", typo.RootElement).ShouldNotBeEmpty("an unknown key is refused, as the server refuses it");
    }
}
