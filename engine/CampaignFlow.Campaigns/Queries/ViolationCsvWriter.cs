using System.Globalization;
using CampaignFlow.Campaigns.Storage;
using CsvHelper;
using CsvHelper.Configuration;

namespace CampaignFlow.Campaigns.Queries;

/// <summary>
/// Writes <see cref="ViolationCsv"/>'s header and rows to a text writer with CsvHelper: RFC 4180 quoting, CRLF, and a
/// cell that a spreadsheet would take for a formula (starting with =, + or @) kept text by a leading quote mark.
/// Rows go to the writer as they come, so an export of a province costs a buffer, not the file.
/// </summary>
public sealed class ViolationCsvWriter : IDisposable, IAsyncDisposable
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
        // Not '-': it starts negative numbers and the "-" of an empty figure, and a spreadsheet leaves those alone.
        InjectionCharacters = ['=', '+', '@'],
    };

    private readonly CsvWriter _csv;
    private readonly CultureInfo _culture;

    /// <summary>A writer over <paramref name="output"/>, which it leaves open.</summary>
    /// <param name="output">Where the text goes.</param>
    /// <param name="culture">The language of the message column.</param>
    public ViolationCsvWriter(TextWriter output, CultureInfo culture)
    {
        _csv = new CsvWriter(output, Configuration, leaveOpen: true);
        _culture = culture;
    }

    /// <summary>The header row.</summary>
    public void WriteHeader()
    {
        foreach (var column in ViolationCsv.Header.Split(','))
        {
            _csv.WriteField(column);
        }

        _csv.NextRecord();
    }

    /// <summary>One violation's row.</summary>
    /// <param name="violation">The violation.</param>
    public void Write(StoredViolation violation)
    {
        foreach (var cell in ViolationCsv.Cells(violation, _culture))
        {
            _csv.WriteField(cell);
        }

        _csv.NextRecord();
    }

    /// <summary>
    /// One violation's row, handing a full buffer to the text writer asynchronously: a writer over a response body
    /// may refuse synchronous writes.
    /// </summary>
    /// <param name="violation">The violation.</param>
    public async Task WriteAsync(StoredViolation violation)
    {
        foreach (var cell in ViolationCsv.Cells(violation, _culture))
        {
            _csv.WriteField(cell);
        }

        await _csv.NextRecordAsync().ConfigureAwait(false);
    }

    /// <summary>Hands what is buffered to the text writer and flushes it.</summary>
    /// <param name="cancellationToken">Stops the flush.</param>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _csv.FlushAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
