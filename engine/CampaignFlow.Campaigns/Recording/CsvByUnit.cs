using CampaignFlow.Campaigns.Units;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;

namespace CampaignFlow.Campaigns.Recording;

/// <summary>
/// A CSV of many units' records split by its <c>unit</c> column (<see cref="ActivityLogCsvReader.UnitColumn"/>): each
/// running unit with its rows in file order, every field still at its line and column in the file, so each unit's
/// rows are read against its own plan and every finding points into the file the caller sent.
/// </summary>
/// <param name="Header">The header row.</param>
/// <param name="Units">Each unit named, in the order it first appears, with its rows.</param>
/// <param name="Diagnostics">A missing column, an empty cell, a unit that does not run: with any, nothing is stored.</param>
internal sealed record CsvByUnit(
    IReadOnlyList<(string Text, SourceLocation At)> Header,
    IReadOnlyList<(RunningUnit Unit, List<List<(string Text, SourceLocation At)>> Rows)> Units,
    IReadOnlyList<PlanDiagnostic> Diagnostics)
{
    /// <summary>Splits <paramref name="csv"/>.</summary>
    /// <param name="csv">The text, a header row first.</param>
    /// <param name="path">The name findings are reported against.</param>
    /// <param name="find">The running unit of an id, or null.</param>
    public static CsvByUnit Split(string csv, string path, Func<string, RunningUnit?> find)
    {
        var diagnostics = new DiagnosticBag();
        var rows = CsvTable.Read(csv, path);
        if (rows.Count == 0)
        {
            diagnostics.Error("empty-file", new SourceLocation(path, 1, 1));
            return new CsvByUnit([], [], diagnostics.Items);
        }

        var header = rows[0];
        var column = header.FindIndex(f => f.Text.Trim() == ActivityLogCsvReader.UnitColumn);
        if (column < 0)
        {
            diagnostics.Error("unit-column-missing", header[0].At);
            return new CsvByUnit(header, [], diagnostics.Items);
        }

        var units = new List<(RunningUnit Unit, List<List<(string Text, SourceLocation At)>> Rows)>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            if (row.TrueForAll(f => f.Text.Trim().Length == 0))
            {
                continue; // a blank line, as spreadsheets leave at the end
            }

            var (id, at) = column < row.Count ? (row[column].Text.Trim(), row[column].At) : ("", row[0].At);
            if (id.Length == 0)
            {
                diagnostics.Error("unit-cell-empty", at);
                continue;
            }

            if (!byId.TryGetValue(id, out var index))
            {
                if (find(id) is not { } unit)
                {
                    diagnostics.Error("unknown-unit-row", at, id);
                    continue;
                }

                index = byId[id] = units.Count;
                units.Add((unit, []));
            }

            units[index].Rows.Add(row);
        }

        return new CsvByUnit(header, units, diagnostics.Items);
    }
}
