using System.Globalization;
using System.Text;
using CampaignFlow.Campaigns.Storage;
using CsvHelper;
using CsvHelper.Configuration;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// Writes a <see cref="ViolationSheet"/> as CSV to a stream as the violations are read: UTF-8 with a byte-order mark
/// (without it Excel guesses the system's code page and garbles the Chinese), CRLF, RFC 4180 quoting, and a cell a
/// spreadsheet would take for a formula (starting with =, + or @) kept text, as the API's export does.
/// </summary>
public static class ViolationSheetCsv
{
    // The writer hands the response about every 32 K characters: the reader gets rows while the store still reads.
    private const int BufferChars = 32 * 1024;

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '@'],
    };

    /// <summary>Writes the sheet's header and one row per violation of <paramref name="violations"/>, in their order.</summary>
    /// <param name="output">Where (the response body).</param>
    /// <param name="sheet">The columns and cells.</param>
    /// <param name="violations">The violations, as the store reads them.</param>
    /// <param name="cancellationToken">Stops the export (the reader went away).</param>
    public static async Task WriteAsync(Stream output, ViolationSheet sheet, IAsyncEnumerable<StoredViolation> violations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(violations);
        var writer = new StreamWriter(output, new UTF8Encoding(false), BufferChars, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            // The mark written as a character, not left to the encoding's preamble, so it is there whatever the stream.
            await writer.WriteAsync('\uFEFF').ConfigureAwait(false);
            var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
            await using (csv.ConfigureAwait(false))
            {
                foreach (var column in sheet.Header)
                {
                    csv.WriteField(column);
                }

                await csv.NextRecordAsync().ConfigureAwait(false);
                await foreach (var v in violations.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    foreach (var cell in sheet.Cells(v))
                    {
                        csv.WriteField(cell);
                    }

                    await csv.NextRecordAsync().ConfigureAwait(false);
                }

                await csv.FlushAsync().ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
