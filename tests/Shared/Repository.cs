namespace CampaignFlow.Tests.Shared;

/// <summary>Paths in the source tree, found from the test binaries by walking up to the solution file.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

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
