using System.Net;
using System.Text;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// A server that answers every request from <paramref name="answer"/> (given the request's body and how many requests
/// came before it), for the answers a real one gives only now and then: busy while it starts, failing.
/// </summary>
/// <param name="answer">The answer to the n-th request (from 0), given its body.</param>
internal sealed class StubServer(Func<int, string, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<string> _bodies = [];

    /// <summary>The body of every request, in order.</summary>
    public IReadOnlyList<string> Bodies => _bodies;

    /// <summary>An answer with <paramref name="status"/>, a problem document whose detail is <paramref name="detail"/>, and a Retry-After when given.</summary>
    public static HttpResponseMessage Problem(HttpStatusCode status, string detail, int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent($$"""{"status":{{(int)status}},"detail":"{{detail}}"}""", Encoding.UTF8, "application/problem+json"),
        };
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    /// <summary>The API's answer to a batch it stored whole.</summary>
    public static HttpResponseMessage Stored(int inserted) => new(HttpStatusCode.Created)
    {
        Content = new StringContent($$"""{"inserted":{{inserted}},"duplicates":0}""", Encoding.UTF8, "application/json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        lock (_bodies)
        {
            _bodies.Add(body);
            return answer(_bodies.Count - 1, body);
        }
    }
}
