using System.CommandLine;
using CampaignFlow.Cli.Importing;
using CampaignFlow.Cli.Output;
using CampaignFlow.Cli.Remote;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow import FILE [--unit U] --server URL [--token T] [--batch N]</c>: a unit's records from a CSV or YAML
/// activity log into a running server — or, without <c>--unit</c>, many units' records from a CSV whose <c>unit</c>
/// column says whose each row is (a body's import, sent to <c>POST /records</c>) — in batches as the file is read, with progress on stderr, then what was stored,
/// what the store already held and which lines were refused and why; exit code 1 when any line was refused.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var file = new Argument<string>("file");
        var unit = new Option<string?>("--unit");
        var connection = new ServerConnection();
        connection.Server.Required = true;
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 500 };
        var lang = Language.CreateOption();
        var command = new Command("import")
        {
            file, unit, connection.Server, connection.Token, batch, lang,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, output, error, http, file, unit, connection, batch, lang, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parsed, TextWriter output, TextWriter error, HttpMessageHandler? http, Argument<string> fileArgument, Option<string?> unitOption,
        ServerConnection connection, Option<int> batchOption, Option<string?> lang, CancellationToken cancellationToken)
    {
        var culture = Language.Resolve(parsed.GetValue(lang));
        string T(string code, params string[] values) => CliMessages.Text(code, culture, values);
        var path = parsed.GetValue(fileArgument)!;
        var batchSize = parsed.GetValue(batchOption);
        if (batchSize is < 1 or > 5000)
        {
            error.WriteLine(T("import-batch", CliMessages.N(batchSize)));
            return ExitCode.Usage;
        }

        if (!File.Exists(path))
        {
            error.WriteLine(T("import-no-file", path));
            return ExitCode.Usage;
        }

        IRecordFile? records = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => new CsvRecordFile(path),
            ".yaml" or ".yml" => new YamlRecordFile(path),
            _ => null,
        };
        if (records is null)
        {
            error.WriteLine(T("import-format", path, ".csv, .yaml, .yml"));
            return ExitCode.Usage;
        }

        var unit = parsed.GetValue(unitOption);
        if (unit is null && records is not CsvRecordFile)
        {
            records.Dispose();
            error.WriteLine(T("import-needs-unit", path));
            return ExitCode.Usage;
        }

        // A CSV Excel saved in GBK is refused at its first foreign byte before a row is sent: read on, every name in it
        // would reach the server as U+FFFD and be stored so.
        var encoding = new DiagnosticBag();
        using (var file = File.OpenRead(path))
        {
            if (!Utf8File.Check(file, path, encoding))
            {
                records.Dispose();
                foreach (var finding in encoding.Items)
                {
                    error.WriteLine(finding.ToString(culture));
                }

                return ExitCode.Findings;
            }
        }

        var target = unit ?? T("import-many-units");

        using (records)
        {
            using var client = connection.Connect(parsed, culture, error, http);
            if (client is null)
            {
                return ExitCode.Usage;
            }

            void WriteRefused(ImportTally tally)
            {
                foreach (var (line, reason) in tally.Refused)
                {
                    output.WriteLine(T("import-refused-line", path, CliMessages.N(line), reason));
                }
            }

            // A stopped run still says what its earlier batches did, before the error: the stop message says they were stored.
            void WritePartial(ImportTally tally)
            {
                WriteRefused(tally);
                output.WriteLine(T("import-partial", path, target, CliMessages.N(tally.Read), CliMessages.N(tally.Stored), CliMessages.N(tally.Duplicates), CliMessages.N(tally.Refused.Count)));
            }

            var lastShown = 0.0;
            void Progress(ImportTally tally)
            {
                // About every tenth of the file, and only for a file of several batches: a small import just ends.
                if (tally.Read > batchSize && records.Progress - lastShown >= 0.1)
                {
                    lastShown = records.Progress;
                    error.WriteLine(T("import-progress", CliMessages.N(tally.Read), CliMessages.N((int)Math.Round(records.Progress * 100)), CliMessages.N(tally.Stored)));
                }
            }

            void Retrying(ImportRetry retry) =>
                error.WriteLine(T("import-retry", CliMessages.N(retry.Status), CliMessages.N((int)Math.Ceiling(retry.Wait.TotalSeconds)), CliMessages.N(retry.Retry)));

            var run = new ImportRun(client, unit, batchSize, Retrying);
            try
            {
                await run.RunAsync(records, Progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ServerException e)
            {
                WritePartial(run.Tally);
                var exit = ServerConnection.Report(e, parsed.GetValue(connection.Server)!, culture, error);
                error.WriteLine(T("import-stopped"));
                return exit;
            }
            catch (RecordFileException e)
            {
                WritePartial(run.Tally);
                error.WriteLine(T("import-syntax", path, CliMessages.N(e.Line), CliMessages.N(e.Column)));
                error.WriteLine(T("import-stopped"));
                return ExitCode.Findings;
            }

            var result = run.Tally;
            WriteRefused(result);
            output.WriteLine(T("import-summary", path, target, CliMessages.N(result.Read), CliMessages.N(result.Stored), CliMessages.N(result.Duplicates), CliMessages.N(result.Refused.Count)));
            return result.Refused.Count == 0 ? ExitCode.Ok : ExitCode.Findings;
        }
    }
}
