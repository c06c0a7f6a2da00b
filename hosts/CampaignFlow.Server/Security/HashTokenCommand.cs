namespace CampaignFlow.Server.Security;

/// <summary>
/// <c>CampaignFlow.Server hash-token [TOKEN]</c>: prints the SHA-256 to put in <c>CampaignFlow:Tokens:N:Hash</c>.
/// Without a token it makes a new random one and prints both, so an operator never invents a weak token.
/// </summary>
public static class HashTokenCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>hash-token</c>.</param>
    /// <param name="output">Where the result goes.</param>
    /// <param name="error">Where a usage error goes.</param>
    /// <returns>0, or 2 for a malformed command line.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        switch (args.Count)
        {
            case 0:
                var token = TokenHash.NewToken();
                output.WriteLine($"token: {token}");
                output.WriteLine($"hash:  {TokenHash.Of(token)}");
                return 0;
            case 1 when args[0].Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal):
                output.WriteLine(TokenHash.Of(args[0]));
                return 0;
            default:
                error.WriteLine("usage: CampaignFlow.Server hash-token [TOKEN]   (prints the SHA-256 hex to configure; a new token when TOKEN is omitted)");
                return 2;
        }
    }
}
