using System.Globalization;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Storage;
using MiniExcelLibs;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// The violations page's matches as an .xlsx workbook: one sheet with the CSV export's header and cells
/// (<see cref="ViolationCsv"/>), so the two exports say the same. Cells are text (a message starting with = stays
/// words, never a formula); the sheet's rows are capped at what a worksheet holds.
/// </summary>
public static class ViolationXlsxExport
{
    /// <summary>The most rows a worksheet holds, less the header.</summary>
    public const int MaxRows = 1_048_575;

    /// <summary>The sheet's name.</summary>
    public const string SheetName = "violations";

    private static readonly string[] Columns = ViolationCsv.Header.Split(',');

    /// <summary>Writes the workbook of <paramref name="violations"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where (the workbook is a zip: built in memory, then copied, as the response body is not seekable).</param>
    /// <param name="violations">The violations, as the store reads them.</param>
    /// <param name="culture">The language of the message column.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<StoredViolation> violations, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(violations);
        // The header is the first row, written as a row: MiniExcel takes its header from the rows, and an empty export
        // still needs one.
        var rows = new List<Dictionary<string, object>> { Columns.ToDictionary(c => c, c => (object)c, StringComparer.Ordinal) };
        await foreach (var v in violations.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count > MaxRows)
            {
                break;
            }

            var cells = ViolationCsv.Cells(v, culture);
            var row = new Dictionary<string, object>(Columns.Length, StringComparer.Ordinal);
            for (var i = 0; i < Columns.Length; i++)
            {
                row[Columns[i]] = cells[i];
            }

            rows.Add(row);
        }

        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(rows, printHeader: false, sheetName: SheetName, excelType: ExcelType.XLSX, cancellationToken: cancellationToken).ConfigureAwait(false);
        workbook.Position = 0;
        await workbook.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }
}
