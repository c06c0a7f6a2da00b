using System.Globalization;
using System.Text;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>
/// Writes the CSV export (<see cref="ViolationCsv"/>'s header and rows, CRLF, UTF-8 with a byte-order mark so that a
/// spreadsheet reads the Chinese as UTF-8, as the CLI's CSV) to a stream as the violations are read, so the export of
/// a province costs a buffer, not the whole file.
/// </summary>
public static class ViolationCsvExport
{
    // The writer hands the response about every 32 K characters: the client gets rows while the store still reads.
    private const int BufferChars = 32 * 1024;

    /// <summary>Writes the header and one row per violation of <paramref name="violations"/>, in their order.</summary>
    /// <param name="output">Where (the response body).</param>
    /// <param name="violations">The violations, as the store reads them.</param>
    /// <param name="culture">The language of the message column.</param>
    /// <param name="cancellationToken">Stops the export (the client went away).</param>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<StoredViolation> violations, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(violations);
        // The mark written as a character, not left to the encoding's preamble, so it is there whatever the stream.
        var writer = new StreamWriter(output, new UTF8Encoding(false), BufferChars, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var csv = new ViolationCsvWriter(writer, culture);
            await using (csv.ConfigureAwait(false))
            {
                await writer.WriteAsync('\uFEFF').ConfigureAwait(false);
                csv.WriteHeader();
                await foreach (var v in violations.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    await csv.WriteAsync(v).ConfigureAwait(false);
                }

                await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
