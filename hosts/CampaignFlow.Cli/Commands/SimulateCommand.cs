using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Cli.Output;
using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.NRules;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Loading;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow simulate PLAN --activities LOG [--at DATE] [--format table|json|csv] [--rules-engine campaignflow|nrules]</c>:
/// runs a plan's rules over an activity log and prints the violations and what is still pending.
/// </summary>
internal static class SimulateCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var plan = new Argument<string>("plan") { Description = "A plan file, or a plan id found in --definitions." };
        var activities = new Option<string>("--activities") { Description = "The activity log (YAML; see docs/activity-log-format.md).", Required = true };
        var at = new Option<string?>("--at") { Description = "Simulate up to this day (2014-06-30); default: the day after the campaign's end." };
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var definitions = new Option<string>("--definitions") { Description = "Where to look up a plan id.", DefaultValueFactory = _ => "definitions" };
        var engine = new Option<string>("--rules-engine")
        {
            Description = $"The rules engine that runs the compliance rules: {string.Join(" or ", ComplianceEngines.Names)} (the same rules, the same verdicts).",
            DefaultValueFactory = _ => ReteComplianceEngine.Instance.Name,
        };
        var lang = Language.CreateOption();
        var command = new Command("simulate", "Run a plan's rules over an activity log: violations with evidence, and what is pending.")
        {
            plan, activities, at, format, definitions, engine, lang,
        };
        command.SetAction(parsed =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));

            // Checked before anything is read: a misspelt engine is a usage error, not a plan's.
            if (ComplianceEngines.Find(parsed.GetValue(engine)) is not { } rulesEngine)
            {
                error.WriteLine(ComplianceEngines.Unknown(parsed.GetValue(engine), culture));
                return 2;
            }

            var wanted = parsed.GetValue(plan)!;
            var catalog = PlanCatalog.Load([File.Exists(wanted) ? wanted : parsed.GetValue(definitions)!]);
            if (catalog.Find(wanted) is not { } resolved)
            {
                foreach (var d in catalog.Diagnostics)
                {
                    error.WriteLine(d.ToString(culture));
                }

                error.WriteLine($"no valid plan '{wanted}'; run 'campaignflow validate'.");
                return 1;
            }

            var log = ActivityLogReader.ReadFile(parsed.GetValue(activities)!, resolved);
            foreach (var d in log.Diagnostics)
            {
                error.WriteLine(d.ToString(culture));
            }

            if (log.HasErrors)
            {
                error.WriteLine($"{log.Path}: fix the errors above first.");
                return 1;
            }

            DateTimeOffset? until = null;
            if (parsed.GetValue(at) is { } day)
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedDay))
                {
                    error.WriteLine($"--at '{day}' is not a day: write 2014-06-30.");
                    return 2;
                }

                until = new DateTimeOffset(parsedDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            }

            var result = Simulator.Run(ComplianceRules.For(log.UnitPlan ?? resolved, rulesEngine), log.Records, until);
            switch (parsed.GetValue(format))
            {
                case "json":
                    output.WriteLine(JsonSerializer.Serialize(new
                    {
                        plan = resolved.Id,
                        at = result.At,
                        violations = result.Violations.Select(v => new
                        {
                            v.Id,
                            v.RequirementId,
                            kind = v.Kind.ToString(),
                            severity = v.Severity.ToString(),
                            v.Period,
                            v.Target,
                            message = v.Message(culture),
                            v.Evidence,
                            source = v.Source,
                            location = v.Location.ToString(),
                        }),
                        pending = result.Pending.Count,
                    }, Json));
                    break;
                case "csv":
                    output.WriteLine("id,requirement,kind,severity,period,target,source,message");
                    foreach (var v in result.Violations)
                    {
                        output.WriteLine(string.Join(",", new[] { v.Id, v.RequirementId, v.Kind.ToString(), v.Severity.ToString(), v.Period, v.Target ?? "", string.Join(" ", v.Source), v.Message(culture) }.Select(Csv)));
                    }

                    break;
                default:
                    foreach (var v in result.Violations)
                    {
                        output.WriteLine($"{(v.Severity == Plans.Requirements.Severity.Soft ? "warning" : "violation"),-9} {string.Join(",", v.Source),-12} {v.RequirementId,-40} {v.Period,-16} {v.Message(culture)}");
                        foreach (var missing in v.Evidence.Missing.Take(20))
                        {
                            output.WriteLine($"{"",12}missing: {missing}");
                        }
                    }

                    break;
            }

            var errors = result.Violations.Count(v => v.Severity == Plans.Requirements.Severity.Required);
            output.WriteLine($"{errors} violation(s), {result.Violations.Count - errors} warning(s), {result.Pending.Count} pending at {result.At:yyyy-MM-dd}");
            return 0;
        });
        return command;
    }

    private static string Csv(string value) => value.Contains(',') || value.Contains('"') || value.Contains('\n') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
