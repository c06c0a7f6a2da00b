using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Cli.Output;
using CampaignFlow.Cli.Remote;
using CampaignFlow.Cli.Violations;
using CampaignFlow.Storage.Sqlite.Campaigns;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow violations (--server URL [--token T] | --data DIR) [filters] [--format text|json|csv]</c>: the
/// violations the API's <c>GET /violations</c> answers, with its filters, from a running server or straight from a
/// server's data folder; text for people, the API's JSON page and CSV for tools (only data on stdout).
/// </summary>
internal static class ViolationsCommand
{
    private const string DatabaseFileName = "campaignflow.db";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var connection = new ServerConnection();
        var data = new Option<string?>("--data");
        var definitions = new Option<string>("--definitions") { DefaultValueFactory = _ => "definitions" };
        var filters = new ViolationFilterOptions();
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        var lang = Language.CreateOption();
        var command = new Command("violations")
        {
            connection.Server, connection.Token, data, definitions, format, lang,
        };
        foreach (var option in filters.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, output, error, http, connection, data, definitions, filters, format, lang, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parsed, TextWriter output, TextWriter error, HttpMessageHandler? http, ServerConnection connection, Option<string?> data,
        Option<string> definitions, ViolationFilterOptions filters, Option<string> format, Option<string?> lang, CancellationToken cancellationToken)
    {
        var culture = Language.Resolve(parsed.GetValue(lang));
        var server = parsed.GetValue(connection.Server);
        var folder = parsed.GetValue(data);
        if ((server is null) == (folder is null))
        {
            error.WriteLine(CliMessages.Text("violations-where", culture));
            return ExitCode.Usage;
        }

        if (filters.Read(parsed, culture, error) is not { } filter)
        {
            return ExitCode.Usage;
        }

        IViolationSource? source;
        if (server is not null)
        {
            source = connection.Connect(parsed, culture, error, http) is { } client ? new ServerViolations(client) : null;
        }
        else
        {
            IReadOnlyCollection<string>? units;
            try
            {
                // Before anything is printed: a unit or body the definitions cannot place is a wrong command line, as
                // the server's 404 unknown-unit is, never an empty list.
                units = DefinedUnits.Scope(filter, parsed.GetValue(definitions)!);
            }
            catch (DefinitionsException e)
            {
                error.WriteLine(CliMessages.Text(e.Code, culture, [.. e.Values]));
                return ExitCode.Usage;
            }

            source = OpenDataFolder(folder!, units, culture, error);
            if (source is null)
            {
                return ExitCode.Unreachable;
            }
        }

        if (source is null)
        {
            return ExitCode.Usage;
        }

        await using (source.ConfigureAwait(false))
        {
            try
            {
                switch (parsed.GetValue(format))
                {
                    case "csv":
                        // A byte-order mark first, so a spreadsheet opens the Chinese as UTF-8.
                        output.Write('\uFEFF');
                        await source.WriteCsvAsync(filter, !string.IsNullOrWhiteSpace(parsed.GetValue(filters.Limit)), output, cancellationToken).ConfigureAwait(false);
                        break;
                    case "json":
                        var page = await source.PageAsync(filter, cancellationToken).ConfigureAwait(false);
                        output.WriteLine(JsonSerializer.Serialize(page, Json));
                        error.WriteLine(CliMessages.Text("violations-counted", culture, CliMessages.N(page.Total), CliMessages.N(page.Items.Count)));
                        break;
                    default:
                        ViolationsText.Write(output, await source.PageAsync(filter, cancellationToken).ConfigureAwait(false), culture);
                        break;
                }
            }
            catch (ServerException e)
            {
                return ServerConnection.Report(e, server!, culture, error);
            }
        }

        return ExitCode.Ok;
    }

    private static DataFolderViolations? OpenDataFolder(string folder, IReadOnlyCollection<string>? units, CultureInfo culture, TextWriter error)
    {
        var database = Path.Combine(folder, DatabaseFileName);
        if (!File.Exists(database))
        {
            error.WriteLine(CliMessages.Text(Directory.Exists(folder) ? "data-no-store" : "data-no-folder", culture, folder, DatabaseFileName));
            return null;
        }

        try
        {
            return new DataFolderViolations(SqliteCampaignStores.OpenReadOnly(database), units, culture);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(CliMessages.Text("data-unreadable", culture, database, e.Message));
            return null;
        }
    }
}
