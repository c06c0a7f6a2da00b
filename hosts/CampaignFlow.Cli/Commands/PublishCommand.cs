using System.CommandLine;
using CampaignFlow.Cli.Output;
using CampaignFlow.Cli.Publishing;
using CampaignFlow.Cli.Remote;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow publish FILE --server URL [--token T]</c>: for authors who work in files, a plan version taken as far
/// as its author can take it on a running server — submitted to the body above (again, once returned, with the file's
/// text), or published once approved (<see cref="PublishRun"/>). Approving and returning are the body above's, over the
/// API or the console.
/// </summary>
internal static class PublishCommand
{
    public static Command Create(TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var file = new Argument<string>("file");
        var connection = new ServerConnection();
        connection.Server.Required = true;
        var lang = Language.CreateOption();
        var command = new Command("publish")
        {
            file, connection.Server, connection.Token, lang,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, output, error, http, file, connection, lang, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed, TextWriter output, TextWriter error, HttpMessageHandler? http, Argument<string> fileArgument, ServerConnection connection, Option<string?> lang, CancellationToken ct)
    {
        var culture = Language.Resolve(parsed.GetValue(lang));
        var path = parsed.GetValue(fileArgument)!;
        if (!File.Exists(path))
        {
            error.WriteLine(CliMessages.Text("publish-no-file", culture, path));
            return ExitCode.Usage;
        }

        // A plan an editor saved in GBK is refused at its first foreign byte, as validate refuses it: read leniently,
        // it was sent with its Chinese as U+FFFD and could be published so.
        var encoding = new DiagnosticBag();
        if (Utf8File.Read(path, encoding) is not { } text)
        {
            foreach (var finding in encoding.Items)
            {
                error.WriteLine(finding.ToString(culture));
            }

            return ExitCode.Findings;
        }

        var header = PlanFileHeader.Read(text, path);
        if (header.PlanId is null)
        {
            error.WriteLine(CliMessages.Text("publish-no-plan-id", culture, path));
            return ExitCode.Findings;
        }

        using var client = connection.Connect(parsed, culture, error, http);
        if (client is null)
        {
            return ExitCode.Usage;
        }

        try
        {
            return await new PublishRun(client, output, culture).RunAsync(path, text, header, ct).ConfigureAwait(false);
        }
        catch (ServerException e)
        {
            return ServerConnection.Report(e, parsed.GetValue(connection.Server)!, culture, error);
        }
    }
}
