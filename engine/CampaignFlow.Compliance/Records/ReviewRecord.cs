namespace CampaignFlow.Compliance.Records;

/// <summary>A review of a document by one role of its chain.</summary>
/// <param name="Key">The idempotency key.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Day">The day of the decision.</param>
/// <param name="DocumentKey">The reviewed document's key.</param>
/// <param name="DocumentKind">The reviewed document's kind.</param>
/// <param name="Role">The reviewing role (principal, supervisor…).</param>
/// <param name="Decision">Approved or returned.</param>
public sealed record ReviewRecord(string Key, string Unit, DateOnly Day, string DocumentKey, string DocumentKind, string Role, ReviewDecision Decision)
    : UnitRecord(Key, Unit, Day)
{
    /// <summary>
    /// The roster id of who decided, when the recorder named them (<c>reviewer:</c>); null when not named. Part of
    /// what was recorded, so the same key with another reviewer is another record, not a retry.
    /// </summary>
    public string? Reviewer { get; init; }

    /// <summary>
    /// What the reviewer said (why a document was returned, what to change), when written (<c>comment:</c>); kept
    /// with the record, so the unit reads it where it reads the decision.
    /// </summary>
    public string? Comment { get; init; }

    /// <summary>
    /// For a review that returns the document: the day the re-work is due, when the reviewer set one (<c>due:</c>, or
    /// <c>within:</c> from the review's day); the resubmission is judged against it.
    /// </summary>
    public DateOnly? Due { get; init; }
}
