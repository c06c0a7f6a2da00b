using System.Text.Json;
using CampaignFlow.Tests.Shared;
using Json.Schema;

namespace CampaignFlow.Cli.Tests;

/// <summary>The schemas committed in docs/, read as a tool reads them, and a check of JSON against one of their shapes.</summary>
internal static class CommittedSchemas
{
    private static readonly Lazy<BuildOptions> Options = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema.FromText(File.ReadAllText(Repository.Path("docs", "violation.schema.json")), options);
        JsonSchema.FromText(File.ReadAllText(Repository.Path("docs", "record.schema.json")), options);
        return options;
    });

    /// <summary>What is wrong with <paramref name="json"/> as the shape <paramref name="reference"/> names; empty when nothing.</summary>
    /// <param name="reference">The schema file and a shape of its <c>$defs</c>: <c>violation.schema.json#/$defs/page</c>, or a whole file.</param>
    /// <param name="json">The JSON.</param>
    public static IReadOnlyList<string> Problems(string reference, JsonElement json)
    {
        var wrapper = JsonSchema.FromText(
            $$"""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "https://campaignflow.example/schemas/{{reference}}" }""", Options.Value);
        var result = wrapper.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid")];
    }
}
