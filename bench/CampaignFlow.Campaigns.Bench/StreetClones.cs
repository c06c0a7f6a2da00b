using System.Globalization;
using System.Text;

namespace CampaignFlow.Campaigns.Bench;

/// <summary>
/// Writes a definitions folder of N units the way the hosted-service figures were taken: 魏都区委's district plan
/// copied as it is, and N clones of 西关街道's street plan inheriting it, each with its own plan id, unit id, unit
/// name and roster file (a copy of 西关街道's people), same parent.
/// </summary>
internal static class StreetClones
{
    public const string DistrictFile = CampaignFlow.Bench.Units.TreeUnits.DistrictFile;
    public const string StreetFile = "weidu-xiguan-street-2014.yaml";
    private const string StreetPlanId = "weidu-xiguan-street-2014";
    private const string StreetUnitId = "weidu-xiguan-street";
    private const string StreetUnitName = "魏都区西关街道党工委";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether <paramref name="folder"/> holds the two plans the clones are made of.</summary>
    public static bool HasSources(string folder) =>
        File.Exists(Path.Combine(folder, DistrictFile)) && File.Exists(Path.Combine(folder, StreetFile));

    /// <summary>The plan id of clone <paramref name="n"/> (1-based).</summary>
    public static string PlanId(int n) => StreetPlanId + "-" + Number(n);

    /// <summary>The unit id of clone <paramref name="n"/> (1-based).</summary>
    public static string UnitId(int n) => StreetUnitId + "-" + Number(n);

    /// <summary>Writes the district plan and <paramref name="units"/> street clones into <paramref name="target"/> (created).</summary>
    /// <exception cref="InvalidOperationException">The street plan no longer has the lines a clone rewrites.</exception>
    public static void Write(string source, string target, int units)
    {
        Directory.CreateDirectory(target);
        File.Copy(Path.Combine(source, DistrictFile), Path.Combine(target, DistrictFile));
        CampaignFlow.Bench.Units.HolidayFiles.CopyInto(source, target);
        var street = File.ReadAllLines(Path.Combine(source, StreetFile), Encoding.UTF8);
        var rosterFile = RosterFile(street);
        var roster = rosterFile is null ? null : File.ReadAllText(Path.Combine(source, rosterFile), Encoding.UTF8);
        for (var n = 1; n <= units; n++)
        {
            var cloneRoster = rosterFile is null ? null : UnitId(n) + ".roster.yaml";
            File.WriteAllLines(Path.Combine(target, PlanId(n) + ".yaml"), Clone(street, n, cloneRoster), Utf8);
            if (cloneRoster is not null)
            {
                File.WriteAllText(Path.Combine(target, cloneRoster), roster, Utf8);
            }
        }
    }

    private static string Number(int n) => n.ToString("D5", CultureInfo.InvariantCulture);

    private static string? RosterFile(string[] lines)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith("roster:", StringComparison.Ordinal));
        return line?["roster:".Length..].Split('#')[0].Trim();
    }

    private static string[] Clone(string[] street, int n, string? roster)
    {
        var lines = (string[])street.Clone();
        Rewrite(lines, "plan:", l => l.Replace(StreetPlanId, PlanId(n), StringComparison.Ordinal));
        Rewrite(lines, "unit:", l => l
            .Replace("id: " + StreetUnitId + ",", "id: " + UnitId(n) + ",", StringComparison.Ordinal)
            .Replace("name: " + StreetUnitName + ",", "name: " + StreetUnitName + Number(n) + ",", StringComparison.Ordinal));
        if (roster is not null)
        {
            Rewrite(lines, "roster:", _ => "roster: " + roster);
        }

        return lines;
    }

    /// <summary>Rewrites the one top-level line starting with <paramref name="key"/>; the rewrite must change it.</summary>
    private static void Rewrite(string[] lines, string key, Func<string, string> rewrite)
    {
        var at = Array.FindIndex(lines, l => l.StartsWith(key, StringComparison.Ordinal));
        var again = at < 0 ? -1 : Array.FindIndex(lines, at + 1, l => l.StartsWith(key, StringComparison.Ordinal));
        var rewritten = at < 0 ? null : rewrite(lines[at]);
        if (at < 0 || again >= 0 || rewritten == lines[at])
        {
            throw new InvalidOperationException($"{StreetFile}: expected one top-level '{key}' line naming {StreetPlanId} / {StreetUnitId}; the clone generator needs updating");
        }

        lines[at] = rewritten!;
    }
}
