namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// How far a unit's derived state (violations and their history, workflow signals) has caught up with what it
/// recorded and with time: the record store's per-unit watermark (docs/adr/0007).
/// </summary>
/// <param name="Unit">The unit.</param>
/// <param name="RecordedThrough">The highest sequence of the unit's stored records (0: none); moved in the transaction that stores them.</param>
/// <param name="JudgedThrough">The highest sequence whose violations were persisted and whose signals were sent.</param>
/// <param name="DueAt">When time next changes the unit's derived state (a period closes, a phase opens or closes), or null when nothing is left to come.</param>
public sealed record UnitWatermark(string Unit, long RecordedThrough, long JudgedThrough, DateTimeOffset? DueAt)
{
    /// <summary>True when records are stored that the derived state has not taken in, or time has passed <see cref="DueAt"/>.</summary>
    /// <param name="now">The clock.</param>
    public bool IsBehind(DateTimeOffset now) => RecordedThrough > JudgedThrough || DueAt <= now;
}
