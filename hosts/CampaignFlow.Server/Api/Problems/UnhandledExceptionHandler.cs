using Microsoft.AspNetCore.Diagnostics;

namespace CampaignFlow.Server.Api.Problems;

/// <summary>
/// The last resort: anything an endpoint did not expect becomes a 500 problem document without a stack trace,
/// naming the request's trace id, under which the exception is logged in full.
/// </summary>
internal sealed partial class UnhandledExceptionHandler(ApiProblems problems, ILogger<UnhandledExceptionHandler> log) : IExceptionHandler
{
    private readonly ILogger _log = log;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            // Kestrel's own refusals (a body over its limit, a malformed request line) are the caller's doing.
            var answer = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? problems.Write(httpContext, bad.StatusCode, "body-too-large", httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?")
                : problems.Write(httpContext, bad.StatusCode, "bad-request", bad.Message);
            await answer.ExecuteAsync(httpContext).ConfigureAwait(false);
            return true;
        }

        if (exception is InvalidDataException && httpContext.Request.HasFormContentType)
        {
            // A form over the framework's limits (a value past 4 MB, too many fields) is refused by its reader.
            await problems.Write(httpContext, StatusCodes.Status400BadRequest, "bad-request", exception.Message).ExecuteAsync(httpContext).ConfigureAwait(false);
            return true;
        }

        if (Busy(exception) is { } code)
        {
            // Not the caller's fault nor a bug: the pool or the recording slots ran dry for a while. A retry succeeds.
            LogBusy(httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier, exception.Message);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await problems.Write(httpContext, StatusCodes.Status503ServiceUnavailable, code, RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .ExecuteAsync(httpContext).ConfigureAwait(false);
            return true;
        }

        LogUnhandled(httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier, exception);
        await problems.Write(httpContext, StatusCodes.Status500InternalServerError, "internal-error", httpContext.TraceIdentifier)
            .ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    /// <summary>How long a busy server asks to be left alone, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    // A transient database fault anywhere in the chain (Npgsql's pool running dry is one wrapping a TimeoutException;
    // SQLite's busy and locked are others) is the store's moment, not a failure of the request's logic.
    private static string? Busy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case CampaignFlow.Server.Hosting.ServerBusyException:
                    return "server-busy";
                case System.Data.Common.DbException { IsTransient: true }:
                    return "store-busy";
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Busy on {Method} {Path} (trace {TraceId}), answered 503: {Reason}")]
    private partial void LogBusy(string method, string path, string traceId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path} (trace {TraceId})")]
    private partial void LogUnhandled(string method, string path, string traceId, Exception error);
}
