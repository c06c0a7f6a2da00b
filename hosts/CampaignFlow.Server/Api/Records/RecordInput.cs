using System.Text.Json;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// The shape of one record as JSON, for the OpenAPI document only: the endpoints pass the text itself to the
/// campaign service, which reads it with line:column findings. Keys as in docs/activity-log-format.md; exactly
/// one of activity, document, review, publish, ledger, exception.
/// </summary>
public sealed record RecordInput
{
    /// <summary>The idempotency key, unique in the unit: the same key twice stores one record.</summary>
    public required string Key { get; init; }

    /// <summary>An activity kind of the plan's vocabulary.</summary>
    public string? Activity { get; init; }

    /// <summary>A document kind of the plan's vocabulary.</summary>
    public string? Document { get; init; }

    /// <summary>The key of the document reviewed.</summary>
    public string? Review { get; init; }

    /// <summary>The key of the document published.</summary>
    public string? Publish { get; init; }

    /// <summary>A ledger id.</summary>
    public string? Ledger { get; init; }

    /// <summary>An action id of the plan whose soft requirement is excused.</summary>
    public string? Exception { get; init; }

    /// <summary>The day (2014-02-14).</summary>
    public string? On { get; init; }

    /// <summary>A day with a time (2014-02-18 09:00), in the plan's time zone.</summary>
    public string? At { get; init; }

    /// <summary>When it ended.</summary>
    public string? Until { get; init; }

    /// <summary>How long, in working time (半天, 1天, 4h).</summary>
    public string? Hours { get; init; }

    /// <summary>Roster ids of the unit's people who took part.</summary>
    public IReadOnlyList<string>? Participants { get; init; }

    /// <summary>People from outside the unit by role: { "supervisor": 2 }.</summary>
    public IReadOnlyDictionary<string, int>? Externals { get; init; }

    /// <summary>Roster id of a document's author.</summary>
    public string? Author { get; init; }

    /// <summary>For a review: the reviewing role (principal, supervisor, …).</summary>
    public string? By { get; init; }

    /// <summary>For a review: approved or returned.</summary>
    public string? Decision { get; init; }

    /// <summary>For a review: the reviewer's roster id.</summary>
    public string? Reviewer { get; init; }

    /// <summary>For a review: what the reviewer said (why it was returned).</summary>
    public string? Comment { get; init; }

    /// <summary>For a review that returns a document, or a test some failed: the day the re-work is due (2014-06-10).</summary>
    public string? Due { get; init; }

    /// <summary>For a review that returns a document, or a test some failed: how long after it the re-work is due (10天, 5个工作日).</summary>
    public string? Within { get; init; }

    /// <summary>For a test: roster ids of the participants who failed it; only they re-take it.</summary>
    public IReadOnlyList<string>? Failed { get; init; }

    /// <summary>For a publication: unit, branch, public or superior.</summary>
    public string? To { get; init; }

    /// <summary>The key of the record this one is about.</summary>
    public string? Concerns { get; init; }

    /// <summary>The key of the activity this one holds again, or the document it resubmits.</summary>
    public string? Replaces { get; init; }

    /// <summary>The branch the record belongs to.</summary>
    public string? Branch { get; init; }

    /// <summary>The department the record belongs to.</summary>
    public string? Department { get; init; }

    /// <summary>Attributes as the kind declares them: { "includesCriticism": true }.</summary>
    public IReadOnlyDictionary<string, JsonElement>? With { get; init; }

    /// <summary>For an exception: why the soft requirement was not met.</summary>
    public string? Justification { get; init; }
}
