namespace CampaignFlow.Server.Hosting;

/// <summary>
/// The server cannot start for a reason its operator can fix (a store it cannot reach, a data folder it cannot
/// write); the message says which, in one line, and the process exits with code 3.
/// </summary>
/// <param name="message">The reason.</param>
/// <param name="inner">What the machine said.</param>
public sealed class ServerStartException(string message, Exception? inner = null) : Exception(message, inner);
