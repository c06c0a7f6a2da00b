using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Records;

/// <summary>A document published to an audience (公示/公布).</summary>
/// <param name="Key">The idempotency key.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Day">The day of publication.</param>
/// <param name="DocumentKey">The published document's key.</param>
/// <param name="DocumentKind">Its kind.</param>
/// <param name="Audience">Whom it was published to.</param>
public sealed record PublicationRecord(string Key, string Unit, DateOnly Day, string DocumentKey, string DocumentKind, Audience Audience)
    : UnitRecord(Key, Unit, Day)
{
    /// <summary>The published document's author, when it is a person's own.</summary>
    public string? Author { get; init; }
}
