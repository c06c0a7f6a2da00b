namespace CampaignFlow.Server.Api.Records;

/// <summary>Which records a write route takes.</summary>
public enum RecordRoute
{
    /// <summary><c>/records</c>: any record (JSON or CSV).</summary>
    Any,

    /// <summary><c>/documents</c>: documents only.</summary>
    Documents,

    /// <summary><c>/reviews</c>: reviews only.</summary>
    Reviews,
}
