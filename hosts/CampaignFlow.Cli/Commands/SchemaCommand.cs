using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Plans.Schema;

namespace CampaignFlow.Cli.Commands;

/// <summary><c>campaignflow schema</c>: the JSON Schema of plans (or rosters), generated from the plan model.</summary>
internal static class SchemaCommand
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable in the file
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var roster = new Option<bool>("--roster") { Description = "The schema of roster files instead of plans." };
        var file = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the console." };
        var command = new Command("schema", "Print the JSON Schema of the plan format, for editors' YAML language servers.") { roster, file };
        command.SetAction(parsed =>
        {
            var schema = parsed.GetValue(roster) ? PlanSchemaGenerator.ForRosters() : PlanSchemaGenerator.ForPlans();
            var text = schema.ToJsonString(Pretty);
            if (parsed.GetValue(file) is { } path)
            {
                try
                {
                    File.WriteAllText(path, text + Environment.NewLine);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"cannot write {path}: {e.Message}");
                    return 1;
                }
            }
            else
            {
                output.WriteLine(text);
            }

            return 0;
        });
        return command;
    }
}
