using CampaignFlow.Plans.Loading;

namespace CampaignFlow.Plans.Tests.Organisation;

/// <summary>A definitions folder of the given files in a temp directory, and the catalog loaded from it.</summary>
internal static class PlanFolder
{
    public static PlanCatalog Load(params (string Name, string Text)[] files) => PlanCatalog.Load([Write(files)]);

    public static string Write(params (string Name, string Text)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-organisation-" + Guid.NewGuid().ToString("N"));
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return folder;
    }
}
