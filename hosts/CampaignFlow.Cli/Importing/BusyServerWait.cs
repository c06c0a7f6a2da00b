namespace CampaignFlow.Cli.Importing;

/// <summary>
/// How long an import waits on one batch for a server that answers 503 (its campaigns still starting) or 429 (too many
/// requests): what it asks for in Retry-After, within bounds, so a server that never comes back stops the run in minutes
/// rather than hanging a script or turning every record into a refusal.
/// </summary>
internal static class BusyServerWait
{
    /// <summary>The wait when the server names none.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(5);

    /// <summary>The longest single wait, whatever Retry-After says: a script should hear from the import now and then.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>The most an import waits, in all, for one batch.</summary>
    public static readonly TimeSpan InAll = TimeSpan.FromMinutes(2);

    /// <summary>The most retries of one batch, for a server that asks for no wait at all (Retry-After: 0) yet stays busy.</summary>
    public const int MostRetries = 20;

    /// <summary>True for the statuses that say "later", not "never": 503 and 429.</summary>
    public static bool IsBusy(int status) => status is 503 or 429;

    /// <summary>How long to wait before sending again, for a server that asked for <paramref name="retryAfter"/>.</summary>
    public static TimeSpan For(TimeSpan? retryAfter) => retryAfter switch
    {
        null => Default,
        { } asked when asked < TimeSpan.Zero => TimeSpan.Zero,
        { } asked when asked > Longest => Longest,
        { } asked => asked,
    };
}
