using System.Text.Json.Serialization;
using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Workflows.Signals;

/// <summary>
/// A stimulus from outside: it resumes every bookmark whose key equals (<see cref="Name"/>,
/// <see cref="Correlation"/>).
/// </summary>
/// <param name="Name">What happened, e.g. <c>accepted</c>.</param>
/// <param name="Correlation">To what, e.g. <c>doc-42/reviewer</c>.</param>
public sealed record Signal(string Name, string Correlation)
{
    /// <summary>
    /// The sender's key for this signal; the same key twice is applied once. When null, the inbox item id
    /// is used, so the signal is never deduplicated.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Who sent it (a user, a role, a service); journalled with the signal.</summary>
    public string? Sender { get; init; }

    /// <summary>A short verdict the resumed activity completes with (e.g. <c>accepted</c>, <c>returned</c>, <c>repeat</c>).</summary>
    public string? Outcome { get; init; }

    /// <summary>Optional values; activities may copy them into instance variables.</summary>
    public Dictionary<string, string>? Payload { get; init; }

    /// <summary>The bookmark key this signal matches.</summary>
    [JsonIgnore]
    public BookmarkKey Key => new(Name, Correlation);
}
