using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Cli.Output;
using CampaignFlow.Cli.Simulating;
using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Explaining;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.NRules;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Loading;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow simulate PLAN --activities LOG [--at DATE] [--format table|json|csv] [--rules-engine campaignflow|nrules]</c>:
/// runs a plan's rules over an activity log and prints the violations and what is still pending. <c>--definitions</c> is
/// where a plan id is looked up and, when given, where a plan file's parents are looked for first, as <c>show</c> does. With json or csv,
/// stdout holds only the data (the API's violation shape) and the counts go to stderr.
/// </summary>
internal static class SimulateCommand
{
    // The server's JSON options (ASP.NET Core's web defaults, camelCase, Chinese unescaped): one shape for both hosts.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var plan = new Argument<string>("plan");
        var activities = new Option<string>("--activities") { Required = true };
        var at = new Option<string?>("--at");
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var definitions = new Option<string>("--definitions") { DefaultValueFactory = _ => "definitions" };
        var engine = new Option<string>("--rules-engine")
        {
            DefaultValueFactory = _ => ReteComplianceEngine.Instance.Name,
        };
        var explain = new Option<string?>("--explain");
        var lang = Language.CreateOption();
        var command = new Command("simulate")
        {
            plan, activities, at, format, definitions, engine, lang, explain,
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
            var catalog = DefinitionsOption.Load(parsed, definitions, wanted);
            if (catalog.Find(wanted) is not { } resolved)
            {
                foreach (var d in catalog.Diagnostics)
                {
                    error.WriteLine(d.ToString(culture));
                }

                error.WriteLine(CliMessages.Text("no-valid-plan", culture, wanted));
                return 1;
            }

            var log = ActivityLogReader.ReadFile(parsed.GetValue(activities)!, resolved);
            foreach (var d in log.Diagnostics)
            {
                error.WriteLine(d.ToString(culture));
            }

            if (log.HasErrors)
            {
                error.WriteLine(CliMessages.Text("simulate-log-errors", culture, log.Path));
                return 1;
            }

            DateTimeOffset? until = null;
            if (parsed.GetValue(at) is { } day)
            {
                // Years a plan may have: the day after 9999-12-31, which the end of a day needs, does not exist.
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedDay) || parsedDay.Year is < 1900 or > 2200)
                {
                    error.WriteLine(CliMessages.Text("at-not-a-day", culture, day));
                    return 2;
                }

                // The simulation stops at the first moment after the day, in the plan's zone, so the day's own records count.
                var midnight = parsedDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
                until = new DateTimeOffset(midnight, CampaignFlow.Plans.Zones.PlanTimeZone.Of(resolved.TimeZone).GetUtcOffset(midnight));
            }

            var unitPlan = log.UnitPlan ?? resolved;
            if (parsed.GetValue(explain) is { } asked)
            {
                return Explain(ComplianceRules.For(unitPlan, rulesEngine), asked, log.Records, until, parsed.GetValue(format)!, output, error, culture);
            }

            var result = Simulator.Run(ComplianceRules.For(unitPlan, rulesEngine), log.Records, until);
            // The simulation stops at 00:00 after the last day it counts: that day, not the next, is what was simulated
            // (--at 2014-03-20 is "at the end of 2014-03-20"), as `report --at` says it.
            var lastDay = DateOnly.FromDateTime(result.At.DateTime).AddDays(-1);
            var summary = SimulationText.Summary(result.Violations, result.Pending.Count, lastDay, culture);
            switch (parsed.GetValue(format))
            {
                case "json":
                    var rows = SimulatedViolations.Rows(result, unitPlan);
                    output.WriteLine(JsonSerializer.Serialize(
                        new SimulationView(resolved.Id, unitPlan.Unit.Id, lastDay, SimulatedViolations.Views(rows, culture), result.Pending.Count,
                            SimulatedViolations.ResolvedViews(result, SimulatedViolations.Resolutions(result), unitPlan, culture)), Json));
                    // Tools read stdout as one JSON document; the counts are for the person watching.
                    error.WriteLine(summary);
                    break;
                case "csv":
                    // The API's export, columns and rows alike; with a byte-order mark, so a spreadsheet opens the
                    // Chinese as UTF-8.
                    output.Write('\uFEFF');
                    using (var csv = new ViolationCsvWriter(output, culture))
                    {
                        csv.WriteHeader();
                        foreach (var row in SimulatedViolations.Rows(result, unitPlan))
                        {
                            csv.Write(row);
                        }
                    }

                    error.WriteLine(summary);
                    break;
                default:
                    SimulationText.Write(output, result.Violations, unitPlan.Vocabulary, culture);
                    SimulationText.WriteResolved(output, SimulatedViolations.Resolutions(result), culture);
                    output.WriteLine(summary);
                    break;
            }

            return 0;
        });
        return command;
    }

    private static int Explain(ComplianceRules rules, string asked, IReadOnlyList<UnitRecord> records, DateTimeOffset? until, string format, TextWriter output, TextWriter error, CultureInfo culture)
    {
        if (format == "csv")
        {
            error.WriteLine(CliMessages.Text("explain-csv", culture));
            return 2;
        }

        // An action id stands for each of its requirements.
        var ids = rules.Judges.ContainsKey(asked) ? [asked] : rules.Judges.Keys.Where(k => k.StartsWith(asked + ":", StringComparison.Ordinal)).ToArray();
        if (ids.Length == 0)
        {
            error.WriteLine(CliMessages.Text("explain-unknown", culture, asked, string.Join(", ", rules.Judges.Keys)));
            return 2;
        }

        var explanations = new List<RequirementExplanation>();
        foreach (var id in ids)
        {
            try
            {
                explanations.Add(RequirementExplainer.Explain(rules, id, records, until));
            }
            catch (NotSupportedException)
            {
                error.WriteLine(CliMessages.Text("explain-across", culture, id));
                return 2;
            }
        }

        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(explanations, Json));
            return 0;
        }

        foreach (var explanation in explanations)
        {
            ExplanationText.Write(output, explanation, culture);
        }

        return 0;
    }
}
