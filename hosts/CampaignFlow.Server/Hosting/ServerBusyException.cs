namespace CampaignFlow.Server.Hosting;

/// <summary>
/// The server cannot take this request now but will soon (every recording slot busy): answered 503 with Retry-After,
/// never 500. Nothing of the request was stored.
/// </summary>
/// <param name="message">Why, for the log.</param>
public sealed class ServerBusyException(string message) : Exception(message);
