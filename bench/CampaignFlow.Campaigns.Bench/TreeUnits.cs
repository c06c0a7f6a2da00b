using System.Globalization;
using System.Text;

namespace CampaignFlow.Campaigns.Bench;

/// <summary>
/// Writes a definitions folder of N units as a body lists them: 魏都区委's plan, the seed's three templates by kind,
/// and one organisation file of N units (one street in ten, the rest communities, organs, enterprises and schools
/// spread over the kinds), each running its kind's template.
/// </summary>
internal static class TreeUnits
{
    public static readonly string[] Templates = ["weidu-organs-2014.yaml", "weidu-streets-2014.yaml", "weidu-grassroots-2014.yaml"];
    private static readonly string[] Kinds = ["community", "community", "district-organs", "law-enforcement-windows", "non-public-enterprise", "social-organisation", "school", "community", "community"];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether <paramref name="folder"/> holds the district plan and the templates.</summary>
    public static bool HasSources(string folder) =>
        File.Exists(Path.Combine(folder, StreetClones.DistrictFile)) && Templates.All(t => File.Exists(Path.Combine(folder, t)));

    /// <summary>The unit id of unit <paramref name="n"/> (1-based).</summary>
    public static string UnitId(int n) => "unit-" + n.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Writes the plans and an organisation file of <paramref name="units"/> units into <paramref name="target"/> (created).</summary>
    public static void Write(string source, string target, int units)
    {
        Directory.CreateDirectory(Path.Combine(target, "organisation"));
        foreach (var file in Templates.Append(StreetClones.DistrictFile))
        {
            File.Copy(Path.Combine(source, file), Path.Combine(target, file));
        }

        var csv = new StringBuilder("id,name,kind,parent\n");
        var street = "weidu-district";
        for (var n = 1; n <= units; n++)
        {
            // Every tenth unit is a street; the communities after it stand below it, the rest below the district.
            var kind = n % 10 == 1 ? "street" : Kinds[n % Kinds.Length];
            var parent = kind == "community" ? street : "weidu-district";
            csv.Append(UnitId(n)).Append(',').Append("单位").Append(n).Append(',').Append(kind).Append(',').Append(parent).Append('\n');
            if (kind == "street")
            {
                street = UnitId(n);
            }
        }

        File.WriteAllText(Path.Combine(target, "organisation", "units.units.csv"), csv.ToString(), Utf8);
    }
}
