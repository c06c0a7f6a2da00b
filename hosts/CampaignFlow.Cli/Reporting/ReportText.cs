using System.Globalization;
using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli.Reporting;

/// <summary>
/// The roll-up as a table for people: the requirements numbered with their totals, then one line per unit with its
/// totals and a mark per requirement, then the totals line. Columns are padded by terminal cells (Chinese is wide).
/// </summary>
internal static class ReportText
{
    public static void Write(TextWriter output, BodyCompliance rollup, string bodyName, IReadOnlyDictionary<string, string> kindTitles, CultureInfo culture)
    {
        string T(string code, params string[] values) => CliMessages.Text(code, culture, values);
        // In Chinese a kind is said by its title (社区), in English by its id (community), as show says it.
        var chinese = MessageTemplates.IsChinese(culture);
        string Kind(string? kind) => kind is null ? "" : chinese && kindTitles.TryGetValue(kind, out var title) ? title : kind;
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        // A body known only as a parent (许昌市) has no name in any plan: its id is said once.
        output.WriteLine(bodyName == rollup.Body
            ? T("report-title-unnamed", rollup.Body, N(rollup.TotalUnits), CliMessages.Day(rollup.At, culture))
            : T("report-title", bodyName, rollup.Body, N(rollup.TotalUnits), CliMessages.Day(rollup.At, culture)));
        output.WriteLine();
        output.WriteLine(T("report-requirements") + $"  ({T("report-met")} / {T("report-pending")} / {T("report-violated")} / {T("report-open")})");
        var idWidth = rollup.Requirements.Select(r => DisplayWidth.Of(r.Id)).DefaultIfEmpty(0).Max();
        for (var i = 0; i < rollup.Requirements.Count; i++)
        {
            var r = rollup.Requirements[i];
            output.WriteLine($"  R{i + 1,-3} {DisplayWidth.PadRight(r.Id, idWidth)}  {r.Units.Met,4} {r.Units.Pending,4} {r.Units.Violated,4} {r.Units.OpenViolations,5}  {r.Title}");
        }

        output.WriteLine();
        var names = rollup.Rows.Select(r => r.Unit.Name).Append(T("report-unit")).Append(T("report-total"));
        var nameWidth = names.Max(DisplayWidth.Of);
        var kindWidth = rollup.Rows.Select(r => DisplayWidth.Of(Kind(r.Kind))).Append(DisplayWidth.Of(T("report-kind"))).Max();
        string[] counts = [T("report-met"), T("report-pending"), T("report-violated"), T("report-open"), T("report-overdue")];
        var countWidths = counts.Select(c => Math.Max(DisplayWidth.Of(c), 5)).ToArray();
        string Counts(params string[] values) => string.Join(" ", values.Select((v, i) => new string(' ', Math.Max(0, countWidths[i] - DisplayWidth.Of(v))) + v));

        output.WriteLine($"{DisplayWidth.PadRight(T("report-unit"), nameWidth)}  {DisplayWidth.PadRight(T("report-kind"), kindWidth)}  {Counts(counts)}  "
            + string.Join(" ", Enumerable.Range(1, rollup.Requirements.Count).Select(i => $"R{i}")));
        foreach (var row in rollup.Rows)
        {
            var marks = row.Cells.Select((c, i) => Mark(c).PadRight($"R{i + 1}".Length));
            output.WriteLine($"{DisplayWidth.PadRight(row.Unit.Name, nameWidth)}  {DisplayWidth.PadRight(Kind(row.Kind), kindWidth)}  "
                + $"{Counts(N(row.Totals.Met), N(row.Totals.Pending), N(row.Totals.Violated), N(row.Totals.OpenViolations), N(row.DaysOverdue))}  {string.Join(" ", marks)}");
        }

        var t = rollup.Totals;
        output.WriteLine($"{DisplayWidth.PadRight(T("report-total"), nameWidth)}  {DisplayWidth.PadRight("", kindWidth)}  {Counts(N(t.Met), N(t.Pending), N(t.Violated), N(t.OpenViolations), "")}");
        output.WriteLine();
        output.WriteLine(T("report-legend"));
        output.WriteLine(T("report-summary", N(rollup.TotalUnits), N(rollup.UnitsBehind), N(t.OpenViolations)));
    }

    private static string Mark(ComplianceStatus? status) => status switch
    {
        ComplianceStatus.Met => "✓",
        ComplianceStatus.Pending => "…",
        ComplianceStatus.Violated => "✗",
        _ => "-",
    };
}
