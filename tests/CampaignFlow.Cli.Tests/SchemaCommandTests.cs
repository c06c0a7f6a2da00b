using System.Text.Json;

namespace CampaignFlow.Cli.Tests;

public class SchemaCommandTests
{
    [Fact]
    public void Prints_a_draft_07_schema_of_the_plan_format()
    {
        var run = CliRun.Of("schema");
        run.ExitCode.ShouldBe(0);
        using var schema = JsonDocument.Parse(run.Output);
        schema.RootElement.GetProperty("$schema").GetString().ShouldBe("http://json-schema.org/draft-07/schema#");
        var action = schema.RootElement.GetProperty("definitions").GetProperty("ActionSpec");
        action.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
        action.GetProperty("properties").TryGetProperty("atLeast", out _).ShouldBeTrue();
        run.Output.ShouldContain("每周集中学习"); // descriptions keep Chinese readable, not \u-escaped
    }

    [Fact]
    public void Writes_the_roster_schema_to_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cf-roster-{Guid.NewGuid():N}.json");
        var run = CliRun.Of("schema", "--roster", "--output", file);
        run.ExitCode.ShouldBe(0);
        using var schema = JsonDocument.Parse(File.ReadAllText(file));
        schema.RootElement.GetProperty("$ref").GetString().ShouldBe("#/definitions/RosterSpec");
    }
}
