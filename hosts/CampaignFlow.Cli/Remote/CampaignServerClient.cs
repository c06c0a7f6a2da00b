using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli.Remote;

/// <summary>
/// The HTTP API of a running CampaignFlow server, as the CLI uses it: a bearer token on every request, answers asked for
/// in the reader's language, and every way a request can fail turned into a <see cref="ServerException"/> whose message
/// the command can print in one line — never an <see cref="HttpRequestException"/>'s stack trace.
/// </summary>
internal sealed class CampaignServerClient : IDisposable
{
    // Long enough for a CSV export of a province or a batch that opens many violations; short enough not to hang a script.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly HttpClient _http;

    /// <param name="server">The server's address (http://127.0.0.1:5080).</param>
    /// <param name="token">The bearer token.</param>
    /// <param name="culture">The language answers are asked in.</param>
    /// <param name="handler">Where requests go instead of the network (an in-process server in tests), or null.</param>
    public CampaignServerClient(Uri server, string token, CultureInfo culture, HttpMessageHandler? handler)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = server;
        _http.Timeout = Timeout;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(MessageTemplates.IsChinese(culture) ? "zh-CN" : "en");
    }

    /// <summary>GETs <paramref name="pathAndQuery"/> and returns the body as text.</summary>
    public async Task<string> GetTextAsync(string pathAndQuery, string accept, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(Get(pathAndQuery, accept), cancellationToken).ConfigureAwait(false);
        await ThrowUnlessSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETs <paramref name="pathAndQuery"/> and copies the body to <paramref name="output"/> as it arrives.</summary>
    public async Task CopyTextAsync(string pathAndQuery, string accept, TextWriter output, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(Get(pathAndQuery, accept), cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await ThrowUnlessSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            output.Write(buffer, 0, read);
        }
    }

    /// <summary>
    /// POSTs <paramref name="body"/> to <paramref name="path"/>. Answers the caller must read (success, findings,
    /// conflicts, a record this token may not submit) come back as they are; no answer, 401 and a 403 for the unit or the
    /// role throw, since nothing sent after them can succeed.
    /// </summary>
    public async Task<ServerAnswer> PostAsync(string path, string body, string mediaType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized
            || (response.StatusCode == HttpStatusCode.Forbidden && ProblemCode(text) is null or "forbidden-unit" or "forbidden-role"))
        {
            throw Refusal(response.StatusCode, text);
        }

        return new ServerAnswer((int)response.StatusCode, text, RetryAfter(response));
    }

    /// <summary>
    /// GETs <paramref name="path"/> as JSON and returns the answer as it is when it is a success or a 404 (a thing not
    /// there yet is an answer); anything else throws, as <see cref="GetTextAsync"/> does.
    /// </summary>
    public async Task<ServerAnswer> GetAnswerAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(Get(path, "application/json"), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await ThrowUnlessSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return new ServerAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The <c>detail</c> of a problem document, or null when <paramref name="body"/> is none.</summary>
    public static string? ProblemDetail(string body) => ProblemText(body, "detail");

    /// <summary>The <c>code</c> of a problem document (forbidden-unit, records-invalid…), or null when <paramref name="body"/> is none.</summary>
    public static string? ProblemCode(string body) => ProblemText(body, "code");

    private static string? ProblemText(string body, string property)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();

    // Retry-After is either seconds or a date; a date already past asks for no wait at all.
    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero,
        _ => null,
    };

    private static HttpRequestMessage Get(string pathAndQuery, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ServerException(ServerFailure.Unreachable, 0, null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation.
            throw new ServerException(ServerFailure.Unreachable, 0, null, e);
        }
        finally
        {
            request.Dispose();
        }
    }

    private static async Task ThrowUnlessSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw Refusal(response.StatusCode, body);
    }

    private static ServerException Refusal(HttpStatusCode status, string body)
    {
        var failure = status switch
        {
            HttpStatusCode.Unauthorized => ServerFailure.Unauthorized,
            HttpStatusCode.Forbidden => ServerFailure.Forbidden,
            HttpStatusCode.BadRequest => ServerFailure.BadRequest,
            HttpStatusCode.NotFound => ServerFailure.NotFound,
            _ => ServerFailure.Other,
        };
        return new ServerException(failure, (int)status, ProblemDetail(body));
    }
}
