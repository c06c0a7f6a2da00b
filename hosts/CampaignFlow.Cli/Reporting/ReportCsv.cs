using System.Globalization;
using CampaignFlow.Campaigns.Rollups;
using CsvHelper;

namespace CampaignFlow.Cli.Reporting;

/// <summary>
/// The roll-up as CSV for tools: one row per unit with its totals, then one column per requirement (its id as the
/// header) holding <c>met</c>, <c>pending</c>, <c>violated</c> or nothing where the unit's plan has no such requirement.
/// </summary>
internal static class ReportCsv
{
    public static readonly string[] Header = ["unit", "name", "kind", "plan", "planVersion", "met", "pending", "violated", "openViolations", "daysOverdue"];

    public static void Write(TextWriter output, BodyCompliance rollup)
    {
        // A byte-order mark first, so a spreadsheet opens the Chinese names as UTF-8.
        output.Write('\uFEFF');
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in Header.Concat(rollup.Requirements.Select(r => r.Id)))
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
        foreach (var row in rollup.Rows)
        {
            string[] fields =
            [
                row.Unit.Id, row.Unit.Name, row.Kind ?? "", row.Unit.PlanId, Number(row.Unit.PlanVersion),
                Number(row.Totals.Met), Number(row.Totals.Pending), Number(row.Totals.Violated), Number(row.Totals.OpenViolations), Number(row.DaysOverdue),
            ];
            foreach (var field in fields.Concat(row.Cells.Select(Word)))
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
        }
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Word(ComplianceStatus? status) => status switch
    {
        ComplianceStatus.Met => "met",
        ComplianceStatus.Pending => "pending",
        ComplianceStatus.Violated => "violated",
        _ => "",
    };
}
