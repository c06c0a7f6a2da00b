namespace CampaignFlow.Server.Tests.Fuzzing;

/// <summary>One request the fuzzer sends.</summary>
/// <param name="Method">GET or POST.</param>
/// <param name="Path">The path and query.</param>
/// <param name="ContentType">The body's content type, or null for none.</param>
/// <param name="Body">The body's bytes, or null for none.</param>
/// <param name="What">How it was made, to name a failure.</param>
public sealed record FuzzedRequest(HttpMethod Method, string Path, string? ContentType, byte[]? Body, string What)
{
    /// <summary>The request as an <see cref="HttpRequestMessage"/>.</summary>
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }
}
