namespace CampaignFlow.Campaigns.Storage;

/// <summary>The outcome of storing one record of a batch.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Outcome">Inserted, duplicate or conflict.</param>
/// <param name="Stored">The record as stored now: the new one when inserted, else the one stored before.</param>
public sealed record AppendResult(string Key, AppendOutcome Outcome, StoredRecord Stored);
