namespace CampaignFlow.Server.WebConsole.Session;

/// <summary>
/// Where to go back to after signing in or switching the language: only a path of this server, never another site
/// (an open redirect would let a link to the sign-in page send a reader, signed in, anywhere).
/// </summary>
public static class LocalReturn
{
    /// <summary><paramref name="returnUrl"/> when it is a local path, else <paramref name="otherwise"/>.</summary>
    /// <param name="returnUrl">The path asked for.</param>
    /// <param name="otherwise">Where to go instead.</param>
    public static string Or(string? returnUrl, string otherwise) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : otherwise;
}
