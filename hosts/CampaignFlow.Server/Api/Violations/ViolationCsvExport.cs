using System.Globalization;
using System.Text;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>
/// Writes the CSV export (<see cref="ViolationCsv"/>'s header and rows, CRLF, UTF-8 without a byte-order mark) to a
/// stream as the violations are read, so the export of a province costs a buffer, not the whole file.
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
        // The export was written with Encoding.UTF8's bytes and no preamble; a new UTF8Encoding(false) keeps it so.
        var writer = new StreamWriter(output, new UTF8Encoding(false), BufferChars, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(ViolationCsv.Header + "\r\n").ConfigureAwait(false);
            await foreach (var v in violations.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(ViolationCsv.Row(v, culture)).ConfigureAwait(false);
                await writer.WriteAsync("\r\n").ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
