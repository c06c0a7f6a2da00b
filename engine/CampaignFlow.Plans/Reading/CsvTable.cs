using System.Text;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// A CSV file (RFC 4180: commas, double quotes, quoted newlines) as rows of fields, each with the line and column it
/// starts at, so findings about a field point at it. (A CSV library gives rows, not where each field starts.)
/// Blank lines are skipped; a byte order mark is the caller's to strip.
/// </summary>
public static class CsvTable
{
    /// <summary>The rows of <paramref name="text"/>, each field with its position.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="path">The path to report positions against.</param>
    public static List<List<(string Text, SourceLocation At)>> Read(string text, string path)
    {
        var rows = new List<List<(string, SourceLocation)>>();
        var row = new List<(string, SourceLocation)>();
        var field = new StringBuilder();
        int line = 1, column = 1, fieldLine = 1, fieldColumn = 1;
        var quoted = false;
        var atFieldStart = true;

        void EndField()
        {
            row.Add((field.ToString(), new SourceLocation(path, fieldLine, fieldColumn)));
            field.Clear();
            atFieldStart = true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (atFieldStart)
            {
                fieldLine = line;
                fieldColumn = column;
                atFieldStart = false;
                if (c == '"')
                {
                    quoted = true;
                    column++;
                    continue;
                }
            }

            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                    column += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                    column++;
                    continue;
                }
            }
            else if (c == ',')
            {
                EndField();
                column++;
                continue;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndField();
                if (row.Count > 1 || row[0].Item1.Length > 0)
                {
                    rows.Add(row);
                }

                row = [];
                line++;
                column = 1;
                continue;
            }

            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }

            field.Append(c);
        }

        if (!atFieldStart || row.Count > 0)
        {
            EndField();
            if (row.Count > 1 || row[0].Item1.Length > 0)
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
