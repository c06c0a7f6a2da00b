namespace CampaignFlow.Campaigns.Storage;

/// <summary>One step of a stored violation's history.</summary>
/// <param name="ViolationId">The violation.</param>
/// <param name="Kind">Opened, changed, resolved or reopened.</param>
/// <param name="At">When, by the unit's clock.</param>
/// <param name="Details">The violation's <see cref="StoredViolation.Details"/> at that step.</param>
public sealed record ViolationEvent(string ViolationId, ViolationEventKind Kind, DateTimeOffset At, string Details)
{
    /// <summary>The store's sequence number of the event, increasing in the order events were stored.</summary>
    public long Sequence { get; init; }
}
