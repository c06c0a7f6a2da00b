namespace CampaignFlow.Cli.Output;

/// <summary>What <c>campaignflow</c>'s exit code means, for scripts that branch on it.</summary>
internal static class ExitCode
{
    /// <summary>Done, nothing found wrong.</summary>
    public const int Ok = 0;

    /// <summary>Done, and something was found wrong: plan errors, records refused.</summary>
    public const int Findings = 1;

    /// <summary>The command line is wrong: an unknown option, a bad filter value, a missing token.</summary>
    public const int Usage = 2;

    /// <summary>A fault of campaignflow or of the machine.</summary>
    public const int Fault = 3;

    /// <summary>The server cannot be reached, or the data folder holds no store that can be read.</summary>
    public const int Unreachable = 4;

    /// <summary>The server refused the token (401) or what it may do (403).</summary>
    public const int Refused = 5;
}
