using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CampaignFlow.Pages.Bench;

/// <summary>
/// A reader signed in to the console as a browser is: the sign-in form read for its antiforgery token, the token
/// posted, the cookie kept. Pages are then read whole, redirects not followed (a redirect is not the page).
/// </summary>
internal sealed partial class ConsoleSession : IDisposable
{
    private readonly HttpClient _http;

    private ConsoleSession(HttpClient http) => _http = http;

    public static async Task<ConsoleSession> SignInAsync(Uri address, BenchReader reader, CancellationToken ct)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        var form = await http.GetStringAsync(new Uri("/console/sign-in", UriKind.Relative), ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups[1].Value),
            ["Form.Token"] = reader.Token,
        });
        using var answer = await http.PostAsync(new Uri("/console/sign-in", UriKind.Relative), content, ct);
        if (answer.StatusCode != HttpStatusCode.Redirect && answer.StatusCode != HttpStatusCode.Found)
        {
            http.Dispose();
            throw new InvalidOperationException($"sign-in as {reader.Name} answered {(int)answer.StatusCode}, not a redirect");
        }

        return new ConsoleSession(http);
    }

    /// <summary>Reads <paramref name="path"/> whole; the time from the call to the last byte, and the body's size.</summary>
    public async Task<(double Milliseconds, long Bytes)> ReadAsync(string path, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var answer = await _http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, ct);
        var bytes = (await answer.Content.ReadAsByteArrayAsync(ct)).LongLength;
        var milliseconds = watch.Elapsed.TotalMilliseconds;
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)answer.StatusCode}");
        }

        return (milliseconds, bytes);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
