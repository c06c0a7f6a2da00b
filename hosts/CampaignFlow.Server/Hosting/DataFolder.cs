namespace CampaignFlow.Server.Hosting;

/// <summary>
/// The data folder (<c>--data</c>): the SQLite file, <c>tokens.json</c>, <c>admin-token</c>. It holds every unit's
/// records and the tokens' hashes, so on Unix the server creates it readable by its owner only (0700), as it writes
/// <c>admin-token</c>; a folder that exists keeps the mode its owner gave it.
/// </summary>
public static class DataFolder
{
    /// <summary>Creates <paramref name="path"/> (and missing parents) when it does not exist.</summary>
    /// <param name="path">The data folder.</param>
    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
