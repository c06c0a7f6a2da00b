using System.Text;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A definitions folder in a temp directory with 魏都区委's district plan and two streets under it: 西关街道 as the seeds
/// have it, and 西门街道, a copy of its plan under another id and name (same people), so a body has several units.
/// </summary>
internal sealed class StreetsFolder : IDisposable
{
    public const string Xiguan = "weidu-xiguan-street";
    public const string Ximen = "weidu-ximen-street";

    public StreetsFolder()
    {
        Path = Directory.CreateTempSubdirectory("campaignflow-streets-").FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "calendar"));
        foreach (var file in new[] { "weidu-district-2014.yaml", "weidu-xiguan-street-2014.yaml", "weidu-xiguan-street.roster.yaml", "calendar/china.holidays.yaml" })
        {
            File.Copy(Repository.Path("definitions", file), System.IO.Path.Combine(Path, file));
        }

        var ximen = File.ReadAllText(Repository.Path("definitions", "weidu-xiguan-street-2014.yaml"), Encoding.UTF8)
            .Replace("plan: weidu-xiguan-street-2014", "plan: weidu-ximen-street-2014", StringComparison.Ordinal)
            .Replace("id: weidu-xiguan-street,", "id: weidu-ximen-street,", StringComparison.Ordinal)
            .Replace("name: 魏都区西关街道党工委,", "name: 魏都区西门街道党工委,", StringComparison.Ordinal);
        File.WriteAllText(System.IO.Path.Combine(Path, "weidu-ximen-street-2014.yaml"), ximen, new UTF8Encoding(false));
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
