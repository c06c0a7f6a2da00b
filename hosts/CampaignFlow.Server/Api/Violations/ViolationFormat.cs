namespace CampaignFlow.Server.Api.Violations;

/// <summary>What <c>GET /violations</c> answers in.</summary>
public enum ViolationFormat
{
    /// <summary>One page as JSON (<c>application/json</c>), the default.</summary>
    Json,

    /// <summary>The matches as CSV (<c>text/csv</c>), streamed.</summary>
    Csv,
}
