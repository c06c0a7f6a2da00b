namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// A record a unit made (an activity, document, review, publication, ledger item or justified exception), as
/// stored: the typed record serialized to <see cref="Payload"/>, with the columns the stores index.
/// </summary>
/// <param name="Unit">The unit that recorded it.</param>
/// <param name="Key">The client's idempotency key, unique in the unit.</param>
/// <param name="Type">What it is: <c>activity</c>, <c>document</c>, <c>review</c>, <c>publication</c>, <c>ledger-item</c> or <c>exception</c>.</param>
/// <param name="Kind">The vocabulary kind (the activity or document kind, the ledger id, the excused action).</param>
/// <param name="Day">The day it happened.</param>
/// <param name="Payload">The record as canonical JSON; two recordings of one key are the same when their payloads are equal.</param>
/// <param name="RecordedAt">When it was received.</param>
/// <param name="RecordedBy">Who recorded it (the name of the caller's token, or <c>import</c>).</param>
public sealed record StoredRecord(string Unit, string Key, string Type, string Kind, DateOnly Day, string Payload, DateTimeOffset RecordedAt, string RecordedBy)
{
    /// <summary>The store's sequence number, increasing in the order records were stored; 0 before it is stored.</summary>
    public long Sequence { get; init; }
}
