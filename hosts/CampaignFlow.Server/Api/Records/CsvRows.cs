using System.Text;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// The rows of RFC 4180 CSV text — quoted cells with doubled quotes, commas and line breaks inside quotes — each
/// with the line it starts on. Only what the API's route checks need; the campaign service reads the records.
/// A quote opens quoting only at the start of a cell; further in it is a character, as the service reads it, so
/// both see the same cells.
/// </summary>
public static class CsvRows
{
    /// <summary>One row.</summary>
    /// <param name="Line">The line it starts on (1-based).</param>
    /// <param name="Cells">Its cells, unquoted.</param>
    public sealed record Row(int Line, IReadOnlyList<string> Cells);

    /// <summary>Reads every row of <paramref name="csv"/>.</summary>
    /// <param name="csv">The text.</param>
    public static IEnumerable<Row> Read(string csv)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var atCellStart = true;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            var first = atCellStart;
            atCellStart = false;
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && first)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                atCellStart = true;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                yield return new Row(rowLine, cells);
                cells = [];
                line++;
                rowLine = line;
                atCellStart = true;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return new Row(rowLine, cells);
        }
    }
}
