using CampaignFlow.Campaigns.Queries;

namespace CampaignFlow.Server.Api.Records;

/// <summary>What a recording did.</summary>
/// <param name="Inserted">Records stored now.</param>
/// <param name="Duplicates">Records whose key was already stored with the same content (stored once).</param>
/// <param name="Conflicts">Records whose key was already stored with other content.</param>
/// <param name="Records">Per record: its key, inserted | duplicate | conflict, and its sequence in the unit.</param>
/// <param name="Opened">Violations this recording opened.</param>
/// <param name="Resolved">Violations this recording resolved.</param>
public sealed record RecordingView(
    int Inserted, int Duplicates, int Conflicts, IReadOnlyList<RecordingView.Outcome> Records, IReadOnlyList<ViolationView> Opened, IReadOnlyList<ViolationView> Resolved)
{
    /// <summary>
    /// What the records stored say that the plan's order did not expect, such as a meeting recorded while the plan it
    /// waits for is not approved yet (<c>held-before-approval</c>): stored, and judged as the plan says.
    /// </summary>
    public IReadOnlyList<RecordingWarning> Warnings { get; init; } = [];

    /// <summary>One record's outcome.</summary>
    /// <param name="Key">Its key.</param>
    /// <param name="Result">inserted, duplicate or conflict.</param>
    /// <param name="Sequence">Its sequence among the unit's records.</param>
    /// <param name="Unit">Whose record it is (a file of many units' records names each row's unit).</param>
    public sealed record Outcome(string Key, string Result, long Sequence, string Unit);
}
