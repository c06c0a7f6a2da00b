using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Schema;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow schema [plan|record|violation]</c>: the JSON Schema of plans (or rosters), generated from the plan
/// model, or of records and violations, the files committed in docs/ (one shape for the API and the CLI).
/// </summary>
internal static class SchemaCommand
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable in the file
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var what = new Argument<string>("what") { DefaultValueFactory = _ => "plan" };
        what.AcceptOnlyFromAmong("plan", "record", "violation");
        var roster = new Option<bool>("--roster");
        var file = new Option<string?>("--output", "-o");
        var lang = Language.CreateOption();
        var command = new Command("schema") { what, roster, file, lang };
        command.SetAction(parsed =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            var text = parsed.GetValue(what) switch
            {
                "record" => Committed("record"),
                "violation" => Committed("violation"),
                _ => (parsed.GetValue(roster) ? PlanSchemaGenerator.ForRosters() : PlanSchemaGenerator.ForPlans()).ToJsonString(Pretty),
            };
            if (parsed.GetValue(file) is { } path)
            {
                try
                {
                    File.WriteAllText(path, text + Environment.NewLine);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine(CliMessages.Text("schema-cannot-write", culture, path, e.Message));
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

    /// <summary>The schema of docs/<paramref name="name"/>.schema.json, as built into the tool, without its final line break.</summary>
    private static string Committed(string name)
    {
        using var stream = typeof(SchemaCommand).Assembly.GetManifestResourceStream($"CampaignFlow.Cli.Schemas.{name}.schema.json")
            ?? throw new InvalidOperationException($"the {name} schema is not built into the tool");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().TrimEnd('\r', '\n');
    }
}
