using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Cli.Migrating;
using CampaignFlow.Cli.Output;
using CampaignFlow.Cli.Remote;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow migrate PLAN --to VERSION [--unit U]… [--dry-run] [--accept-lost-progress] --server URL [--token T]
/// [--format text|json]</c>: moves running units of a plan to another published version on a running server
/// (<c>POST /plans/{id}/migrations</c>, an administrator's token), or with <c>--dry-run</c> shows what that would
/// change. Only a running server: a migration starts and cancels workflow instances and judges again, which is the
/// service's work, not a file edit (docs/adr/0015).
/// </summary>
internal static class MigrateCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var connection = new ServerConnection();
        var plan = new Argument<string>("plan");
        var to = new Option<string>("--to") { Required = true };
        var units = new Option<string[]>("--unit") { AllowMultipleArgumentsPerToken = false };
        var dryRun = new Option<bool>("--dry-run");
        var acceptLost = new Option<bool>("--accept-lost-progress");
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = Language.CreateOption();
        connection.Server.Required = true;
        var command = new Command("migrate")
        {
            plan, to, units, dryRun, acceptLost, connection.Server, connection.Token, format, lang,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            var written = parsed.GetValue(to)!;
            if (!int.TryParse(written, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) || version < 1)
            {
                error.WriteLine(CliMessages.Text("migrate-to-version", culture, written));
                return ExitCode.Usage;
            }

            if (connection.Connect(parsed, culture, error, http) is not { } client)
            {
                return ExitCode.Usage;
            }

            var body = JsonSerializer.Serialize(new
            {
                toVersion = version,
                units = parsed.GetValue(units) ?? [],
                dryRun = parsed.GetValue(dryRun),
                acceptLostProgress = parsed.GetValue(acceptLost),
            });
            var server = parsed.GetValue(connection.Server)!;
            try
            {
                var answer = await client.PostAsync($"/plans/{Uri.EscapeDataString(parsed.GetValue(plan)!)}/migrations", body, "application/json", cancellationToken).ConfigureAwait(false);
                switch (answer.Status)
                {
                    case 200:
                        using (var document = JsonDocument.Parse(answer.Body))
                        {
                            if (parsed.GetValue(format) == "json")
                            {
                                output.WriteLine(JsonSerializer.Serialize(document.RootElement, Json));
                            }
                            else
                            {
                                MigrationText.Write(output, error, document.RootElement, culture);
                            }
                        }

                        return ExitCode.Ok;
                    case 409:
                        error.WriteLine(CliMessages.Text("migrate-refused", culture, CampaignServerClient.ProblemDetail(answer.Body) ?? CliMessages.N(answer.Status)));
                        return ExitCode.Refused;
                    case 404:
                        throw new ServerException(ServerFailure.NotFound, 404, CampaignServerClient.ProblemDetail(answer.Body));
                    case 400 or 415:
                        throw new ServerException(ServerFailure.BadRequest, answer.Status, CampaignServerClient.ProblemDetail(answer.Body));
                    default:
                        throw new ServerException(ServerFailure.Other, answer.Status, CampaignServerClient.ProblemDetail(answer.Body));
                }
            }
            catch (ServerException e)
            {
                return ServerConnection.Report(e, server, culture, error);
            }
        });
        return command;
    }
}
