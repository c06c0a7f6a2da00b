using System.Net;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.WebConsole.Session;
using CampaignFlow.Server.WebConsole.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace CampaignFlow.Server.WebConsole.Shell;

/// <summary>
/// The answer to a console form posted without a valid anti-forgery token: still 400 and nothing done, but saying
/// why (the page has expired: reload it and send again) instead of the framework's English sentence or the generic
/// "请求失败，HTTP 状态 400". Runs right after the anti-forgery middleware has checked the token and before any
/// endpoint, so the check is the framework's own, unchanged; only the refusal's words are ours. A browser gets a page
/// in the console's language with a link back to the page it came from; a script the <c>form-expired</c> problem.
/// </summary>
public static class ExpiredForm
{
    /// <summary>Adds the answer to the pipeline; after <c>UseAntiforgery</c>.</summary>
    /// <param name="app">The application.</param>
    public static void Use(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                await AnswerAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!WantsPage(context.Request))
        {
            await context.RequestServices.GetRequiredService<ApiProblems>()
                .Write(context, StatusCodes.Status400BadRequest, "form-expired").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var culture = ConsoleLanguage.Of(context.Request);
        string Encoded(string text) => WebUtility.HtmlEncode(text);
        string T(string code) => ConsoleText.Format(code, culture);
        var title = T("form-expired-title");
        var page = $"""
            <!DOCTYPE html>
            <html lang="{ConsoleLanguage.Tag(culture)}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{Encoded(title)} · {Encoded(T("app-name"))}</title>
            <link rel="stylesheet" href="{ConsoleStyles.Path}" /></head>
            <body><main id="main"><h1>{Encoded(title)}</h1>
            <p role="alert">{Encoded(ApiProblems.Text("form-expired", culture))}</p>
            <p><a href="{Encoded(Back(context.Request))}">{Encoded(T("form-expired-reload"))}</a></p></main></body>
            </html>
            """;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.Headers.ContentLanguage = ConsoleLanguage.Tag(culture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
    }

    // A browser's form post asks for HTML; a script that asks for JSON, or for nothing, gets the problem document.
    private static bool WantsPage(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

    // The page the form was on, when the browser says it and it is this server's; else the console's home.
    private static string Back(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
        && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? LocalReturn.Or(referer.PathAndQuery, "/")
            : "/";
}
