using System.Globalization;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Cli.Output;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli.Violations;

/// <summary>
/// A page of violations as a table for people: status, unit, requirement, period, message, in columns aligned by
/// terminal cells (Chinese takes two), then which of how many are shown. In Chinese every word of the frame is Chinese
/// and periods read as 2014年第10周; ids stay as the API writes them, so they can be typed back as filters.
/// </summary>
internal static class ViolationsText
{
    public static void Write(TextWriter output, ViolationPageView page, CultureInfo culture)
    {
        string T(string code, params string[] values) => CliMessages.Text(code, culture, values);
        if (page.Items.Count == 0)
        {
            output.WriteLine(page.Total == 0 ? T("violations-none") : T("violations-page-empty", CliMessages.N(page.Total), CliMessages.N(page.Offset)));
            return;
        }

        string[] header = [T("violations-status"), T("violations-unit"), T("violations-requirement"), T("violations-period"), T("violations-message")];
        var rows = page.Items.Select(v => new[] { Status(v, culture), v.Unit, v.RequirementId, CliMessages.Period(v.Period, v.PeriodStart, v.PeriodEnd, culture), v.Message }).ToArray();
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Select(r => DisplayWidth.Of(r[i])).Append(DisplayWidth.Of(header[i])).Max()).ToArray();
        void Line(string[] cells) => output.WriteLine(string.Join("  ", cells.Select((c, i) => i < widths.Length ? DisplayWidth.PadRight(c, widths[i]) : c)).TrimEnd());
        Line(header);
        foreach (var row in rows)
        {
            Line(row);
        }

        output.WriteLine();
        output.WriteLine(T("violations-shown", CliMessages.N(page.Total), CliMessages.N(page.Offset + 1), CliMessages.N(page.Offset + page.Items.Count)));
    }

    private static string Status(ViolationView v, CultureInfo culture)
    {
        var status = CliMessages.Text(v.Status == "open" ? "violations-open" : "violations-resolved", culture);
        return v.Severity == "soft" ? CliMessages.Text("violations-soft", culture, status) : status;
    }
}
