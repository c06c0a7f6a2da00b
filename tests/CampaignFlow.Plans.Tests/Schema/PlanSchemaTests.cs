using CampaignFlow.Plans.Schema;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Schema;

public class PlanSchemaTests
{
    public static TheoryData<string> SeedFiles() => new(
        Directory.EnumerateFiles(Repository.Path("definitions"), "*.yaml", SearchOption.TopDirectoryOnly)
            .Select(f => Path.GetFileName(f)!)
            .Order());

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void The_generated_schema_accepts_every_seed_plan_and_roster(string file)
    {
        var schema = file.Contains(".roster.", StringComparison.Ordinal) ? PlanSchemaGenerator.ForRosters() : PlanSchemaGenerator.ForPlans();
        var json = YamlAsJson.Read(File.ReadAllText(Repository.Path("definitions", file)));
        new SchemaSubsetValidator(schema).Validate(json).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("02-misspelt-atleast.yaml", "unexpected key atleast")]
    [InlineData("01-unknown-top-level-key.yaml", "unexpected key colour")]
    [InlineData("30-bad-recurrence-word.yaml", "\"fortnight\" is not one of")]
    [InlineData("31-overlaps-not-boolean.yaml", "\"yes\" is not boolean")]
    public void The_schema_rejects_what_the_reader_rejects(string broken, string expected)
    {
        var json = YamlAsJson.Read(File.ReadAllText(Repository.Path("tests", "CampaignFlow.Plans.Tests", "Broken", broken)));
        var errors = new SchemaSubsetValidator(PlanSchemaGenerator.ForPlans()).Validate(json);
        errors.ShouldContain(e => e.Contains(expected), string.Join("\n", errors));
    }

    [Fact]
    public void Every_key_of_the_model_is_described()
    {
        var definitions = PlanSchemaGenerator.ForPlans()["definitions"]!.AsObject();
        foreach (var (name, definition) in definitions)
        {
            var mapping = definition!["anyOf"]?.AsArray()[1] ?? definition;
            foreach (var (key, property) in mapping["properties"]!.AsObject())
            {
                property!["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{name}.{key}");
            }
        }
    }
}
