using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Cli.Output;
using CampaignFlow.Cli.Reporting;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow report BODY --at DAY [--format text|csv|json] [--kind K] [--phase P]</c>: the roll-up of the units
/// under a body at the end of a day — each unit by each requirement of its plan, met, pending or violated, with totals —
/// as the server's <c>GET /bodies/{body}/compliance</c> answers it, from the plans and their demo logs (see <see cref="ReportRun"/>).
/// </summary>
internal static class ReportCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var body = new Argument<string>("body");
        var at = new Option<string>("--at") { Required = true };
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv", "json");
        var kind = new Option<string?>("--kind");
        var phase = new Option<string?>("--phase");
        var sort = new Option<string>("--sort") { DefaultValueFactory = _ => "tree" };
        sort.AcceptOnlyFromAmong("tree", "behind");
        var definitions = new Option<string>("--definitions") { DefaultValueFactory = _ => "definitions" };
        var lang = Language.CreateOption();
        var command = new Command("report")
        {
            body, at, format, kind, phase, sort, definitions, lang,
        };
        command.SetAction(parsed =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            var day = parsed.GetValue(at)!;
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedDay))
            {
                error.WriteLine(CliMessages.Text("at-not-a-day", culture, day));
                return 2;
            }

            var filter = new ComplianceFilter
            {
                At = parsedDay,
                Kind = parsed.GetValue(kind),
                Phase = parsed.GetValue(phase),
                Sort = parsed.GetValue(sort) == "behind" ? ComplianceSort.Behind : ComplianceSort.Tree,
            };
            var problems = new List<(string Log, string Reason)>();
            var wanted = parsed.GetValue(body)!;
            var report = ReportRun.RunAsync(parsed.GetValue(definitions)!, wanted, filter, problems, culture).GetAwaiter().GetResult();
            foreach (var (log, reason) in problems)
            {
                error.WriteLine(CliMessages.Text("report-log-problem", culture, log, reason));
            }

            if (report is not { } found)
            {
                error.WriteLine(CliMessages.Text("report-no-body", culture, wanted));
                return 1;
            }

            switch (parsed.GetValue(format))
            {
                case "json":
                    output.WriteLine(JsonSerializer.Serialize(found.Rollup, Json));
                    break;
                case "csv":
                    ReportCsv.Write(output, found.Rollup);
                    break;
                default:
                    ReportText.Write(output, found.Rollup, found.Name, found.KindTitles, culture);
                    break;
            }

            return problems.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
