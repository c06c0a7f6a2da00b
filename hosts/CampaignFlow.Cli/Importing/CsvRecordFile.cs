using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CampaignFlow.Cli.Importing;

/// <summary>
/// A CSV file of records (docs/activity-log-format.md's keys as columns), read row by row with CsvHelper; each batch
/// is the header row and the rows as written, which the API's <c>text/csv</c> import reads.
/// </summary>
internal sealed class CsvRecordFile(string path) : IRecordFile
{
    private readonly FileStream _file = File.OpenRead(path);
    private string _header = "";

    public string MediaType => "text/csv";

    public double Progress => _file.Length == 0 ? 1 : (double)_file.Position / _file.Length;

    public IEnumerable<ImportedRecord> Records()
    {
        using var reader = new StreamReader(_file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        // Blank lines are kept as records of their own, so counting line breaks in the raw rows gives each row's line.
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { IgnoreBlankLines = false }, leaveOpen: true);
        var line = 1;
        var first = true;
        while (Read(parser))
        {
            var raw = parser.RawRecord;
            var start = line;
            line += raw.Count(c => c == '\n');
            var text = raw.TrimEnd('\r', '\n');
            if (first)
            {
                _header = text.TrimStart('\uFEFF');
                first = false;
                continue;
            }

            if (text.Length > 0)
            {
                yield return new ImportedRecord(start, text);
            }
        }
    }

    public (string Body, int[] FirstLines) Compose(IReadOnlyList<ImportedRecord> records)
    {
        var body = new StringBuilder(_header).Append('\n');
        var firstLines = new int[records.Count];
        var line = 2;
        for (var i = 0; i < records.Count; i++)
        {
            firstLines[i] = line;
            body.Append(records[i].Text).Append('\n');
            line += records[i].Text.Count(c => c == '\n') + 1;
        }

        return (body.ToString(), firstLines);
    }

    public void Dispose() => _file.Dispose();

    private static bool Read(CsvParser parser)
    {
        try
        {
            if (!parser.Read())
            {
                return false;
            }

            // The parser reads a row's fields only when asked; asking here makes a stray quote a syntax error at its
            // line, as the reader is told, rather than text sent on for the server to misread.
            for (var i = 0; i < parser.Count; i++)
            {
                _ = parser[i];
            }

            return true;
        }
        catch (CsvHelperException e)
        {
            throw new RecordFileException(e.Context?.Parser?.RawRow ?? 0, 1, e.Message, e);
        }
    }
}
