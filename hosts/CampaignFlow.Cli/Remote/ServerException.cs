namespace CampaignFlow.Cli.Remote;

/// <summary>
/// The server could not be reached or refused the request. <see cref="Detail"/> is the server's own explanation (its
/// problem document's <c>detail</c>, in the language asked for), or null when there was no answer.
/// </summary>
internal sealed class ServerException(ServerFailure failure, int status, string? detail, Exception? inner = null)
    : Exception(detail ?? failure.ToString(), inner)
{
    public ServerFailure Failure { get; } = failure;

    /// <summary>The HTTP status, 0 when there was no answer.</summary>
    public int Status { get; } = status;

    public string? Detail { get; } = detail;
}
