using System.Globalization;
using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;
using CampaignFlow.Workflows.Persistence.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Cli.Reporting;

/// <summary>
/// Runs the campaigns under a body without a server, as they stand at the end of a day: the campaign service on
/// in-memory stores with its clock at the start of the next day (China time), each unit's demo log
/// (<c>activities/units/UNIT.yaml</c>, or <c>activities/PLAN.yaml</c> of a plan it alone runs) recorded up to that day, one tick to close every period that has
/// ended; then the body's roll-up, read as the server's <c>GET /bodies/{body}/compliance</c> reads it.
/// </summary>
internal static class ReportRun
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The roll-up and the body's name, or null when no running unit is under the body.</summary>
    /// <param name="definitions">The definitions folder.</param>
    /// <param name="body">The body.</param>
    /// <param name="filter">The day and filters; every unit in one page.</param>
    /// <param name="problems">Logs that could not be recorded, with why.</param>
    /// <param name="culture">The language the reasons are said in.</param>
    public static async Task<(BodyCompliance Rollup, string Name, IReadOnlyDictionary<string, string> KindTitles)?> RunAsync(
        string definitions, string body, ComplianceFilter filter, List<(string Log, string Reason)> problems, CultureInfo culture)
    {
        var at = filter.At!.Value;
        var stores = new CampaignStores(new InMemoryWorkflowStore(), new InMemoryRecordStore(), new InMemoryViolationStore(), new InMemoryPlanStore());
        var clock = new FixedClock(new DateTimeOffset(at.AddDays(1).ToDateTime(TimeOnly.MinValue), China));
        await using var service = await CampaignService.StartAsync(stores, new CampaignOptions { DefinitionsPath = definitions, Clock = clock, HostId = "report" },
            NullLogger<CampaignService>.Instance).ConfigureAwait(false);
        if (service.Rollups.FindBody(body) is not { } scope)
        {
            return null;
        }

        foreach (var unit in scope.Units)
        {
            // A unit's own log (a unit on a template has one by its id), else the log of the plan it alone runs.
            var log = Path.Combine(definitions, "activities", "units", unit.Id + ".yaml");
            if (!File.Exists(log) && service.FindPlan(unit.PlanId)?.Template is null)
            {
                log = Path.Combine(definitions, "activities", unit.PlanId + ".yaml");
            }

            if (!File.Exists(log))
            {
                continue;
            }

            // A log is held to UTF-8 as every file a user gives (ADR 0023): one in GBK is refused whole at its first
            // foreign byte, not read with U+FFFD in its names and recorded.
            var read = new DiagnosticBag();
            var text = Utf8File.Read(log, read);
            if (text is null)
            {
                problems.Add((log, string.Join("; ", read.Items.Select(d => d.ToString(culture)))));
                continue;
            }

            var result = await service.RecordAsync(unit.Id, Until(text, at), RecordFormat.Yaml, "report").ConfigureAwait(false);
            if (result.Diagnostics.Count > 0)
            {
                problems.Add((log, string.Join("; ", result.Diagnostics.Select(d => d.ToString(culture)))));
            }
        }

        await service.TickAsync().ConfigureAwait(false);
        var rollup = await service.Rollups.GetComplianceAsync(scope, filter with { Offset = 0, Limit = int.MaxValue }).ConfigureAwait(false);
        var name = service.Organisation.NameOf(body) ?? service.Plans.FirstOrDefault(p => p.Unit.Id == body)?.Unit.Name ?? body;
        // A kind's title is the plans' word for it (社区 for community); the body's own plan usually names them all.
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, title) in service.Plans.SelectMany(p => p.Vocabulary.UnitKinds).Where(k => k.Value.Length > 0))
        {
            titles.TryAdd(kind, title);
        }

        return (rollup, name, titles);
    }

    // The log with only the records of days up to the report's day: what the unit had recorded by then.
    private static string Until(string text, DateOnly at)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or ArgumentException)
        {
            // Recorded as written: the service says where the text is broken, at its line and column.
            return text;
        }

        if (yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("records"), out var records) && records is YamlSequenceNode sequence)
        {
            var later = sequence.Children.Where(r => DayOf(r) > at).ToArray();
            foreach (var record in later)
            {
                sequence.Children.Remove(record);
            }
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        yaml.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    // A record's day is its 'on', or the day of its 'at'; one without either is kept, and the service says what is wrong.
    private static DateOnly DayOf(YamlNode record)
    {
        foreach (var key in new[] { "on", "at" })
        {
            if (record is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value)
                && value is YamlScalarNode { Value: { Length: >= 10 } text }
                && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
        }

        return DateOnly.MinValue;
    }
}
