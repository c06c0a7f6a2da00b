using System.Globalization;
using System.Text.Json;
using CampaignFlow.Cli.Remote;

namespace CampaignFlow.Cli.Importing;

/// <summary>
/// Sends a file's records to <c>POST /units/{unit}/records</c> (or, for a CSV of many units' records with a
/// <c>unit</c> column, to <c>POST /records</c>) in batches as they are read. The API stores a batch
/// all or nothing, so a batch with findings is sent again without the records they point at, until what is left is
/// stored; a batch refused for a record it does not point at by line (a key stored before with other content, a
/// review the token may not submit) is sent again in halves until that record is alone. Every record ends stored, a
/// duplicate, or refused with its line and the server's reason. A server that says it is busy (503, 429) gets the same
/// batch again after a bounded wait; any other failure of the server stops the run, since no record is to blame.
/// </summary>
/// <param name="client">The server.</param>
/// <param name="unit">The unit the records are for; null when the file names each row's unit.</param>
/// <param name="batchSize">Records a request.</param>
/// <param name="retrying">Hears before each wait for a busy server.</param>
internal sealed class ImportRun(CampaignServerClient client, string? unit, int batchSize, Action<ImportRetry> retrying)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What the run did so far: whole when <see cref="RunAsync"/> returns, what was done before the stop when it throws.</summary>
    public ImportTally Tally { get; } = new();

    /// <summary>Reads and sends every record of <paramref name="file"/>; <paramref name="progress"/> hears after each batch.</summary>
    /// <exception cref="ServerException">The server cannot be reached, refuses the token, runs no such unit, fails, or stays busy: nothing more can be sent.</exception>
    /// <exception cref="RecordFileException">The file's syntax breaks; the records read before it were sent.</exception>
    public async Task<ImportTally> RunAsync(IRecordFile file, Action<ImportTally> progress, CancellationToken cancellationToken)
    {
        var batch = new List<ImportedRecord>(batchSize);
        using var records = file.Records().GetEnumerator();
        while (true)
        {
            try
            {
                if (!records.MoveNext())
                {
                    break;
                }
            }
            catch (RecordFileException)
            {
                // The good records read before the broken line are sent, so the "earlier batches were stored" the
                // command then says holds for every record before that line.
                await SendAsync(file, batch, cancellationToken).ConfigureAwait(false);
                throw;
            }

            batch.Add(records.Current);
            Tally.Read++;
            if (batch.Count == batchSize)
            {
                await SendAsync(file, batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
                progress(Tally);
            }
        }

        if (batch.Count > 0)
        {
            await SendAsync(file, batch, cancellationToken).ConfigureAwait(false);
            progress(Tally);
        }

        return Tally;
    }

    private async Task SendAsync(IRecordFile file, IReadOnlyList<ImportedRecord> records, CancellationToken cancellationToken)
    {
        var pending = records.ToList();
        var retries = 0;
        var waited = TimeSpan.Zero;
        while (pending.Count > 0)
        {
            var (body, firstLines) = file.Compose(pending);
            var route = unit is null ? "/records" : $"/units/{Uri.EscapeDataString(unit)}/records";
            var answer = await client.PostAsync(route, body, file.MediaType, cancellationToken).ConfigureAwait(false);
            switch (answer.Status)
            {
                case 200 or 201:
                    var recorded = JsonSerializer.Deserialize<RecordedCounts>(answer.Body, Json);
                    Tally.Stored += recorded?.Inserted ?? 0;
                    Tally.Duplicates += recorded?.Duplicates ?? 0;
                    return;
                case 404:
                    throw new ServerException(ServerFailure.NotFound, 404, CampaignServerClient.ProblemDetail(answer.Body));
                case var busy when BusyServerWait.IsBusy(busy):
                    // Later, not never: the same records again, until the server has waited us out too long.
                    var wait = BusyServerWait.For(answer.RetryAfter);
                    if (retries >= BusyServerWait.MostRetries || waited + wait > BusyServerWait.InAll)
                    {
                        throw new ServerException(ServerFailure.Busy, busy, CampaignServerClient.ProblemDetail(answer.Body));
                    }

                    retries++;
                    waited += wait;
                    retrying(new ImportRetry(busy, wait, retries));
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                case 422 when Findings(answer.Body, pending, firstLines) is { Count: > 0 } findings:
                    foreach (var (index, reasons) in findings)
                    {
                        Tally.Refuse(pending[index].Line, string.Join(" | ", reasons.Distinct()));
                    }

                    pending = [.. pending.Where((_, i) => !findings.ContainsKey(i))];
                    continue;
                case 400 or 403 or 409 or 413 or 422:
                    if (pending.Count > 1)
                    {
                        // A refusal of one record that does not say which (a key stored with other content, a review
                        // this token may not submit, a record too large): halves are sent in order until it is the one
                        // left alone.
                        var half = pending.Count / 2;
                        await SendAsync(file, pending[..half], cancellationToken).ConfigureAwait(false);
                        await SendAsync(file, pending[half..], cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    break;
                default:
                    // A failure of the server (500, 502…) or an answer no record explains: halving would send every
                    // record alone and call each refused, so the run stops and says the server failed.
                    throw new ServerException(ServerFailure.Other, answer.Status, CampaignServerClient.ProblemDetail(answer.Body));
            }

            // The one record left, refused for a reason its batch did not pin on a line.
            var reason = CampaignServerClient.ProblemDetail(answer.Body) ?? answer.Status.ToString(CultureInfo.InvariantCulture);
            foreach (var record in pending)
            {
                Tally.Refuse(record.Line, reason);
            }

            return;
        }
    }

    // The server's findings (errors only) by the index of the record whose body lines they point into.
    private static Dictionary<int, List<string>> Findings(string body, IReadOnlyList<ImportedRecord> pending, int[] firstLines)
    {
        var byRecord = new Dictionary<int, List<string>>();
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (!problem.RootElement.TryGetProperty("diagnostics", out var diagnostics) || diagnostics.ValueKind != JsonValueKind.Array)
            {
                return byRecord;
            }

            foreach (var finding in diagnostics.EnumerateArray())
            {
                if (finding.GetProperty("severity").GetString() != "error")
                {
                    continue;
                }

                var line = finding.GetProperty("line").GetInt32();
                var index = Array.FindLastIndex(firstLines, first => first <= line);
                if (index < 0 || index >= pending.Count)
                {
                    continue;
                }

                var message = finding.GetProperty("message").GetString() ?? "";
                (byRecord.TryGetValue(index, out var reasons) ? reasons : byRecord[index] = []).Add(message);
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Not the server's problem document: no record can be named, so the caller refuses them all.
            byRecord.Clear();
        }

        return byRecord;
    }
}
