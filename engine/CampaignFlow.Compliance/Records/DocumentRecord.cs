namespace CampaignFlow.Compliance.Records;

/// <summary>A document a unit wrote (a plan, a self-examination, a report), submitted on a day.</summary>
/// <param name="Key">The idempotency key, by which reviews and publications refer to it.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Day">The day it was submitted.</param>
/// <param name="Kind">The document kind.</param>
public sealed record DocumentRecord(string Key, string Unit, DateOnly Day, string Kind) : UnitRecord(Key, Unit, Day)
{
    /// <summary>The roster id of its author, when it is a person's own.</summary>
    public string? Author { get; init; }

    /// <summary>The key of the document this one replaces (resubmitted after a return).</summary>
    public string? Replaces { get; init; }
}
