namespace CampaignFlow.Cli.Remote;

/// <summary>A server's answer to a write: its status and its body, for the caller to read as success or findings.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body, as text.</param>
/// <param name="RetryAfter">How long the server asked to be left alone (its Retry-After header), or null when it did not say.</param>
internal sealed record ServerAnswer(int Status, string Body, TimeSpan? RetryAfter = null);
