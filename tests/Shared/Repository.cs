namespace CampaignFlow.Tests.Shared;

/// <summary>Paths in the source tree, found from the test binaries by walking up to the solution file.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Copies a folder of the source tree (definitions/) into <paramref name="target"/>, for a test that edits its copy.</summary>
    public static void CopyFolder(string folder, string target)
    {
        var source = Path(folder);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>
    /// Copies the holidays file the seed plans name (<c>calendar/china.holidays.yaml</c>, relative to them) into
    /// <paramref name="folder"/>, for plans written or copied there.
    /// </summary>
    public static void CopyHolidays(string folder)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "calendar"));
        File.Copy(Path("definitions", "calendar", "china.holidays.yaml"), System.IO.Path.Combine(folder, "calendar", "china.holidays.yaml"));
    }

    /// <summary>Copies definitions/' plans and rosters (its top-level YAML files) and the holidays file they name into <paramref name="folder"/>.</summary>
    public static void CopyPlans(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path("definitions"), "*.yaml"))
        {
            File.Copy(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)));
        }

        CopyHolidays(folder);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CampaignFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CampaignFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
