using System.Globalization;
using System.Text;

namespace CampaignFlow.Bench.Units;

/// <summary>
/// Writes a definitions folder of N units as a body lists them: 魏都区委's plan, the seed's three templates by kind,
/// and one organisation file of N units (one street in ten, the rest communities, organs, enterprises and schools
/// spread over the kinds), each running its kind's template.
/// </summary>
public static class TreeUnits
{
    /// <summary>魏都区委's plan file: every template inherits it, and it runs for the district itself.</summary>
    public const string DistrictFile = "weidu-district-2014.yaml";

    /// <summary>The unit id of 魏都区委, the parent of every generated unit that is not a community.</summary>
    public const string DistrictUnitId = "weidu-district";

    /// <summary>The seed's templates by kind, copied as they are.</summary>
    public static readonly IReadOnlyList<string> Templates = ["weidu-organs-2014.yaml", "weidu-streets-2014.yaml", "weidu-grassroots-2014.yaml"];

    private static readonly string[] Kinds = ["community", "community", "district-organs", "law-enforcement-windows", "non-public-enterprise", "social-organisation", "school", "community", "community"];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether <paramref name="folder"/> holds the district plan and the templates.</summary>
    /// <param name="folder">A definitions folder.</param>
    public static bool HasSources(string folder) =>
        File.Exists(Path.Combine(folder, DistrictFile)) && Templates.All(t => File.Exists(Path.Combine(folder, t)));

    /// <summary>The unit id of unit <paramref name="n"/> (1-based).</summary>
    /// <param name="n">The unit's number.</param>
    public static string UnitId(int n) => "unit-" + n.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The <paramref name="count"/> units of the organisation file, in its order.</summary>
    /// <param name="count">How many.</param>
    public static IEnumerable<TreeUnit> Units(int count)
    {
        var street = DistrictUnitId;
        for (var n = 1; n <= count; n++)
        {
            // Every tenth unit is a street; the communities after it stand below it, the rest below the district.
            var kind = n % 10 == 1 ? "street" : Kinds[n % Kinds.Length];
            var parent = kind == "community" ? street : DistrictUnitId;
            yield return new TreeUnit(n, UnitId(n), "单位" + n.ToString(CultureInfo.InvariantCulture), kind, parent);
            if (kind == "street")
            {
                street = UnitId(n);
            }
        }
    }

    /// <summary>Writes the plans and an organisation file of <paramref name="units"/> units into <paramref name="target"/> (created).</summary>
    /// <param name="source">The repository's definitions folder, with the district plan and the templates.</param>
    /// <param name="target">The folder to write.</param>
    /// <param name="units">How many units.</param>
    public static void Write(string source, string target, int units)
    {
        Directory.CreateDirectory(Path.Combine(target, "organisation"));
        foreach (var file in Templates.Append(DistrictFile))
        {
            File.Copy(Path.Combine(source, file), Path.Combine(target, file));
        }

        HolidayFiles.CopyInto(source, target);

        var csv = new StringBuilder("id,name,kind,parent\n");
        foreach (var unit in Units(units))
        {
            csv.Append(unit.Id).Append(',').Append(unit.Name).Append(',').Append(unit.Kind).Append(',').Append(unit.Parent).Append('\n');
        }

        File.WriteAllText(Path.Combine(target, "organisation", "units.units.csv"), csv.ToString(), Utf8);
    }
}
