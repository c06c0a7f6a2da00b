using CampaignFlow.Campaigns.Storage;
using MiniExcelLibs;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// The violations page's matches as an .xlsx workbook: one sheet with the CSV export's header and cells
/// (<see cref="ViolationSheet"/>), so the two exports say the same. Cells are text (a message starting with = stays
/// words, never a formula); the sheet's rows are capped at what a worksheet holds.
/// </summary>
public static class ViolationXlsxExport
{
    /// <summary>The most rows a worksheet holds, less the header.</summary>
    public const int MaxRows = 1_048_575;

    /// <summary>The sheet's name.</summary>
    public const string SheetName = "violations";

    /// <summary>Writes the workbook of <paramref name="violations"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where (the workbook is a zip: built in memory, then copied, as the response body is not seekable).</param>
    /// <param name="sheet">The columns and cells.</param>
    /// <param name="violations">The violations, as the store reads them.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    public static async Task WriteAsync(Stream output, ViolationSheet sheet, IAsyncEnumerable<StoredViolation> violations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(violations);
        // Keys by position: two columns may read alike in a language, and MiniExcel writes the rows' values in order.
        var columns = sheet.Header.Select((_, i) => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        // The header is the first row, written as a row: MiniExcel takes its header from the rows, and an empty export
        // still needs one.
        var header = new Dictionary<string, object>(columns.Length, StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            header[columns[i]] = sheet.Header[i];
        }

        var rows = new List<Dictionary<string, object>> { header };
        await foreach (var v in violations.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count > MaxRows)
            {
                break;
            }

            var cells = sheet.Cells(v);
            var row = new Dictionary<string, object>(columns.Length, StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
            {
                row[columns[i]] = cells[i];
            }

            rows.Add(row);
        }

        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(rows, printHeader: false, sheetName: SheetName, excelType: ExcelType.XLSX, cancellationToken: cancellationToken).ConfigureAwait(false);
        workbook.Position = 0;
        await workbook.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }
}
