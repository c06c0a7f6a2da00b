namespace CampaignFlow.Cli.Importing;

/// <summary>The server said it is busy or starting (503, 429): the same batch is sent again after <see cref="Wait"/>.</summary>
/// <param name="Status">The server's status, 503 or 429.</param>
/// <param name="Wait">How long the import waits before sending the batch again.</param>
/// <param name="Retry">Which retry of this batch it is, from 1.</param>
internal sealed record ImportRetry(int Status, TimeSpan Wait, int Retry);
