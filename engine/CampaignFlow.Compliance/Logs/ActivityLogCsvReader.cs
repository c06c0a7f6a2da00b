using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Compliance.Logs;

/// <summary>
/// Reads an activity log from CSV: one record a row, the keys of the YAML format as column names (a header row).
/// Lists are written <c>su-zhibang;chen-huimin</c>; mappings <c>supervisor=2;upper-discipline=1</c> (externals)
/// and <c>includesCriticism=true;unsatisfied=4</c> (with). The file is for the plan it is read against.
/// </summary>
/// <remarks>
/// A file of many units' records (a body's import) has a <see cref="UnitColumn"/> saying whose each row is; read for
/// one unit, every row of such a file must name that unit, so a file of many units sent to one unit's route is refused
/// rather than stored as that unit's.
/// </remarks>
public static class ActivityLogCsvReader
{
    /// <summary>The column that says which unit a row's record is for; not a key of the record itself.</summary>
    public const string UnitColumn = "unit";

    /// <summary>Reads a CSV log.</summary>
    /// <param name="csv">The text.</param>
    /// <param name="path">The path to report positions against.</param>
    /// <param name="plan">The plan of the unit the log is for.</param>
    /// <param name="knownDocuments">Document records stored before, which reviews and publications may refer to; null for none.</param>
    /// <param name="unitId">The unit the log is for, when known: a <see cref="UnitColumn"/> may then name it (and only it) on every row.</param>
    public static ActivityLog ReadText(string csv, string path, ResolvedPlan plan, IReadOnlyDictionary<string, DocumentRecord>? knownDocuments = null, string? unitId = null)
    {
        var rows = CsvTable.Read(csv, path);
        if (rows.Count == 0)
        {
            var empty = new DiagnosticBag();
            empty.Error("empty-file", new SourceLocation(path, 1, 1));
            return new ActivityLog(path, plan.Id, [], empty.Items);
        }

        return ReadRows(rows[0], rows.Skip(1), path, plan, knownDocuments, unitId);
    }

    /// <summary>
    /// Reads rows of a CSV log already split into fields (<see cref="CsvTable"/>), each field at its place in the
    /// file: how a file of many units' records is read one unit at a time with every finding still at its line.
    /// </summary>
    /// <param name="header">The header row.</param>
    /// <param name="rows">The rows for the unit, in file order.</param>
    /// <param name="path">The path to report positions against.</param>
    /// <param name="plan">The plan of the unit the rows are for.</param>
    /// <param name="knownDocuments">Document records stored before, which reviews and publications may refer to; null for none.</param>
    /// <param name="unitId">The unit the rows are for, when known: a <see cref="UnitColumn"/> may then name it (and only it) on every row.</param>
    public static ActivityLog ReadRows(
        IReadOnlyList<(string Text, SourceLocation At)> header, IEnumerable<List<(string Text, SourceLocation At)>> rows, string path,
        ResolvedPlan plan, IReadOnlyDictionary<string, DocumentRecord>? knownDocuments = null, string? unitId = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(plan);
        var diagnostics = new DiagnosticBag();
        var shape = PlanShape.Of(typeof(RecordSpec));
        var columns = new List<PlanProperty?>();
        var unitColumn = -1;
        foreach (var (name, at) in header)
        {
            if (unitId is not null && name.Trim() == UnitColumn && unitColumn < 0)
            {
                unitColumn = columns.Count;
                columns.Add(null);
            }
            else if (shape.TryGet(name.Trim(), out var property))
            {
                columns.Add(property);
            }
            else
            {
                diagnostics.ErrorWithSuggestion("unknown-key", at, NameSuggester.Closest(name, shape.Properties.Select(p => p.Key)), name, "record");
                columns.Add(null);
            }
        }

        if (!columns.Any(c => c?.Key == "key"))
        {
            diagnostics.Error("missing-key", header[0].At, "key", "record");
            return new ActivityLog(path, plan.Id, [], diagnostics.Items);
        }

        var specs = new List<RecordSpec>();
        foreach (var row in rows)
        {
            if (unitColumn >= 0 && unitColumn < row.Count && row[unitColumn].Text.Trim() is { Length: > 0 } named && named != unitId)
            {
                diagnostics.Error("record-for-other-unit", row[unitColumn].At, named, unitId!);
                continue;
            }

            if (Row(row, columns, diagnostics) is { } spec)
            {
                specs.Add(spec);
            }
        }

        return ActivityLogReader.Build(new ActivityLogDocument { Plan = plan.Id, Records = specs }, path, plan, diagnostics, knownDocuments);
    }

    private static RecordSpec? Row(List<(string Text, SourceLocation At)> row, List<PlanProperty?> columns, DiagnosticBag diagnostics)
    {
        var spec = new RecordSpec { Location = row[0].At };
        var locations = new Dictionary<string, SourceLocation>();
        for (var i = 0; i < Math.Min(row.Count, columns.Count); i++)
        {
            var (text, at) = row[i];
            if (columns[i] is not { } column || text.Trim().Length == 0)
            {
                continue;
            }

            locations[column.Key] = at;
            object? value = column.Kind switch
            {
                ValueKind.List => Items(text, column, at, locations),
                ValueKind.Map => Pairs(text, column, at, locations, diagnostics),
                ValueKind.Enum => Word(text.Trim(), column, at, diagnostics),
                ValueKind.Text when column.ValueType == typeof(Quantity) => Quantity.TryParse(text, out var q, out var error) ? q : Fail(error, at, diagnostics),
                _ => text.Trim(),
            };
            if (value is not null)
            {
                column.Property.SetValue(spec, value);
            }
        }

        if (spec.Key.Length == 0)
        {
            diagnostics.Error("missing-key", row[0].At, "key", "record");
            return null;
        }

        return spec with { KeyLocations = locations };
    }

    // Each item of a list cell is pointed at by the cell itself, so a finding about one item (a participant not on the
    // roster) is reported at the cell that holds it rather than at the row's first column.
    private static string[] Items(string text, PlanProperty column, SourceLocation at, Dictionary<string, SourceLocation> locations)
    {
        var items = text.Split([';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < items.Length; i++)
        {
            locations[$"{column.Key}[{i}]"] = at;
        }

        return items;
    }

    private static object? Pairs(string text, PlanProperty column, SourceLocation at, Dictionary<string, SourceLocation> locations, DiagnosticBag diagnostics)
    {
        var strings = new Dictionary<string, string>();
        var counts = new Dictionary<string, int>();
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            if (cut <= 0)
            {
                diagnostics.Error("expected-mapping", at, column.Key, $"'{pair}'");
                continue;
            }

            var (name, value) = (pair[..cut].Trim(), pair[(cut + 1)..].Trim());
            locations[$"{column.Key}.{name}"] = at;
            if (column.ItemType == typeof(int))
            {
                if (int.TryParse(value, out var n))
                {
                    counts[name] = n;
                }
                else
                {
                    diagnostics.Error("expected-whole-number", at, $"{column.Key}.{name}", $"'{value}'");
                }
            }
            else
            {
                strings[name] = value;
            }
        }

        return column.ItemType == typeof(int) ? counts : strings;
    }

    private static object? Word(string text, PlanProperty column, SourceLocation at, DiagnosticBag diagnostics)
    {
        var words = PlanShape.EnumWords(column.ValueType);
        var index = words.ToList().IndexOf(text);
        if (index >= 0)
        {
            return Enum.GetValues(column.ValueType).GetValue(index);
        }

        diagnostics.ErrorWithSuggestion("bad-word", at, NameSuggester.Closest(text, words), text, column.Key, string.Join(", ", words));
        return null;
    }

    private static object? Fail(TextError error, SourceLocation at, DiagnosticBag diagnostics)
    {
        diagnostics.Error(error, at);
        return null;
    }
}
