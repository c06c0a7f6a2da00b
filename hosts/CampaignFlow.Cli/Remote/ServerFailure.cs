namespace CampaignFlow.Cli.Remote;

/// <summary>Why a request to the server did not get an answer the command can use.</summary>
internal enum ServerFailure
{
    /// <summary>No answer at all: wrong address, server down, network.</summary>
    Unreachable,

    /// <summary>401: the token is missing or not accepted.</summary>
    Unauthorized,

    /// <summary>403: the token may not do this.</summary>
    Forbidden,

    /// <summary>400: the server found the request itself wrong (a filter's value).</summary>
    BadRequest,

    /// <summary>404: no such unit or violation.</summary>
    NotFound,

    /// <summary>503 or 429, still, after waiting as long as the command waits: the server is starting or overloaded.</summary>
    Busy,

    /// <summary>Any other answer that is not a success.</summary>
    Other,
}
