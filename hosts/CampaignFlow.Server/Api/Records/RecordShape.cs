namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// What the API needs to know of a record before the campaign service reads it: its key, what it is
/// (<c>activity</c>, <c>document</c>, <c>review</c>, …), who reviews (<c>by</c>) and the line it starts on —
/// enough to check the route and the caller's right to send it.
/// </summary>
/// <param name="Key">The record's idempotency key, or empty when missing.</param>
/// <param name="Type">activity, document, review, publish, ledger or exception; null when none is given.</param>
/// <param name="By">For a review: the reviewing role.</param>
/// <param name="Line">The line of the text where the record starts (1-based).</param>
public sealed record RecordShape(string Key, string? Type, string? By, int Line)
{
    /// <summary>The keys that say what a record is.</summary>
    public static IReadOnlyList<string> Types { get; } = ["activity", "document", "review", "publish", "ledger", "exception"];

    /// <summary>The role of the supervision group in review chains.</summary>
    public const string SupervisorRole = "supervisor";

    /// <summary>True for the supervision group's review, which only its reviewer may submit.</summary>
    public bool IsSupervisorReview => Type == "review" && string.Equals(By, SupervisorRole, StringComparison.OrdinalIgnoreCase);
}
