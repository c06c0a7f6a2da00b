using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Organisation;

/// <summary>
/// Reads organisation files: <c>*.units.yaml</c> (a <c>units:</c> list of id, name, kind, parent and an optional
/// roster file) or <c>*.units.csv</c> (a header row naming those columns, then one unit a line), every value with its
/// position.
/// Never throws for anything a file contains.
/// </summary>
public static class OrganisationReader
{
    /// <summary>
    /// The largest organisation or groups file read, in bytes: a province's units CSV (tens of thousands of units, one
    /// short line each) is a few MiB, so this leaves room many times over while a file padded to gigabytes is refused
    /// before it is read whole.
    /// </summary>
    public const int MaxFileBytes = 64 << 20;

    private static readonly string[] Columns = ["id", "name", "kind", "parent", "roster"];
    private static readonly string[] Required = ["id", "name"];

    /// <summary>True when <paramref name="path"/> names an organisation file.</summary>
    /// <param name="path">A file path.</param>
    public static bool IsOrganisationFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".units.yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".units.yml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".units.csv", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="path"/> names a supervision groups file (<c>*.groups.yaml</c>).</summary>
    /// <param name="path">A file path.</param>
    public static bool IsGroupsFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".groups.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".groups.yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the supervision groups of a groups file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="diagnostics">Receives every finding.</param>
    public static IReadOnlyList<GroupSpec> ReadGroupsFile(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        try
        {
            return ReadText(path, diagnostics) is { } text ? PlanReader.Read<GroupsDocument>(text, path, diagnostics)?.Groups ?? [] : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            FileReadFailure.Report(diagnostics, path, e);
            return [];
        }
    }

    /// <summary>Reads the units of an organisation file's text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">The path to report positions against; its extension says YAML or CSV.</param>
    /// <param name="diagnostics">Receives every finding.</param>
    public static IReadOnlyList<OrganisationUnitSpec> Read(string text, string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ReadCsv(text.TrimStart('\uFEFF'), path, diagnostics);
        }

        var document = PlanReader.Read<OrganisationDocument>(text, path, diagnostics);
        if (document is not null && document.Units.Count == 0 && document.Has("units"))
        {
            diagnostics.Error("organisation-empty", document.At("units"));
        }

        return document?.Units ?? [];
    }

    /// <summary>Reads the units of an organisation file; a roster file a line names must exist beside it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="diagnostics">Receives every finding.</param>
    public static IReadOnlyList<OrganisationUnitSpec> ReadFile(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        try
        {
            if (ReadText(path, diagnostics) is not { } text)
            {
                return [];
            }

            var units = Read(text, path, diagnostics);
            var folder = Path.GetDirectoryName(path) ?? "";
            foreach (var unit in units.Where(u => u.Roster is { } roster && !File.Exists(Path.Combine(folder, roster))))
            {
                diagnostics.Error("organisation-roster-missing", unit.At("roster"), unit.Roster!);
            }

            return units;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            FileReadFailure.Report(diagnostics, path, e);
            return [];
        }
    }

    // The file's text when it is within MaxFileBytes and UTF-8: a CSV Excel saved in GBK is refused at its first
    // foreign byte rather than read into names of U+FFFD.
    private static string? ReadText(string path, DiagnosticBag diagnostics)
    {
        if (new FileInfo(path).Length is var length and > MaxFileBytes)
        {
            FileTooLarge.Report(diagnostics, path, length, MaxFileBytes);
            return null;
        }

        return Utf8File.Read(path, diagnostics);
    }

    private static List<OrganisationUnitSpec> ReadCsv(string text, string path, DiagnosticBag diagnostics)
    {
        var rows = CsvTable.Read(text, path);
        if (rows.Count < 2)
        {
            diagnostics.Error("organisation-empty", new SourceLocation(path, 1, 1));
            return [];
        }

        var header = rows[0];
        var columns = new string?[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Text.Trim();
            if (Columns.Contains(name, StringComparer.Ordinal))
            {
                columns[i] = name;
            }
            else
            {
                diagnostics.ErrorWithSuggestion("organisation-unknown-column", header[i].At, NameSuggester.Closest(name, Columns), name);
            }
        }

        var missing = Required.Where(r => !columns.Contains(r)).ToArray();
        if (missing.Length > 0)
        {
            diagnostics.Error("organisation-header", header[0].At, string.Join(", ", missing));
            return [];
        }

        var units = new List<OrganisationUnitSpec>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            for (var i = 0; i < Math.Min(row.Count, columns.Length); i++)
            {
                if (columns[i] is { } column && row[i].Text.Trim() is { Length: > 0 } value)
                {
                    values[column] = value;
                    locations[column] = row[i].At;
                }
            }

            var absent = Required.FirstOrDefault(r => !values.ContainsKey(r));
            if (absent is not null)
            {
                diagnostics.Error("organisation-field-missing", row[0].At, absent);
                continue;
            }

            units.Add(new OrganisationUnitSpec
            {
                Id = values["id"],
                Name = values["name"],
                Kind = values.GetValueOrDefault("kind"),
                Parent = values.GetValueOrDefault("parent"),
                Roster = values.GetValueOrDefault("roster"),
                Location = row[0].At,
                KeyLocations = locations,
            });
        }

        return units;
    }
}
