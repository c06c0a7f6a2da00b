namespace CampaignFlow.Compliance.Engines;

/// <summary>A plan's compliance rules compiled by one engine: immutable, shared, the source of cheap sessions.</summary>
/// <threadsafety>Safe for concurrent use; the sessions it creates are not.</threadsafety>
public interface IComplianceNetwork
{
    /// <summary>The engine that compiled it.</summary>
    IComplianceEngine Engine { get; }

    /// <summary>Starts an empty session.</summary>
    /// <returns>A session of its own working memory.</returns>
    IComplianceSession CreateSession();
}
