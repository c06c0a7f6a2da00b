using System.CommandLine;
using System.Globalization;
using CampaignFlow.Cli.Output;

namespace CampaignFlow.Cli.Remote;

/// <summary>
/// The <c>--server URL</c> and <c>--token T</c> options of the commands that talk to a running server; the token may
/// instead come from the environment variable <see cref="TokenVariable"/>, so it stays out of the shell's history.
/// </summary>
internal sealed class ServerConnection
{
    /// <summary>The environment variable read when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "CAMPAIGNFLOW_TOKEN";

    public Option<string?> Server { get; } = new("--server");

    public Option<string?> Token { get; } = new("--token");

    /// <summary>
    /// The client for the server the command line names, or null with the reason written to <paramref name="error"/>
    /// (an address that is not http(s), no token).
    /// </summary>
    public CampaignServerClient? Connect(ParseResult parsed, CultureInfo culture, TextWriter error, HttpMessageHandler? handler)
    {
        var written = parsed.GetValue(Server)!;
        if (!Uri.TryCreate(written, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            error.WriteLine(CliMessages.Text("server-not-url", culture, written, "http://127.0.0.1:5080"));
            return null;
        }

        var token = parsed.GetValue(Token) ?? Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            error.WriteLine(CliMessages.Text("server-no-token", culture, TokenVariable));
            return null;
        }

        return new CampaignServerClient(server, token.Trim(), culture, handler);
    }

    /// <summary>Says why a request failed, in one line, and returns the exit code for it.</summary>
    public static int Report(ServerException e, string server, CultureInfo culture, TextWriter error)
    {
        var detail = e.Detail ?? CliMessages.N(e.Status);
        var (code, exit) = e.Failure switch
        {
            ServerFailure.Unreachable => ("server-unreachable", ExitCode.Unreachable),
            ServerFailure.Unauthorized => ("server-unauthorized", ExitCode.Refused),
            ServerFailure.Forbidden => ("server-forbidden", ExitCode.Refused),
            ServerFailure.BadRequest => ("server-bad-request", ExitCode.Usage),
            ServerFailure.NotFound => ("server-not-found", ExitCode.Usage),
            ServerFailure.Busy => ("server-busy", ExitCode.Unreachable),
            _ => ("server-failed", ExitCode.Unreachable),
        };
        error.WriteLine(CliMessages.Text(code, culture, server, detail, CliMessages.N(e.Status)));
        return exit;
    }
}
