namespace CampaignFlow.CampaignHarness;

/// <summary>One unit's records posted at the end of one week.</summary>
/// <param name="Log">The unit's log.</param>
/// <param name="Records">The records of the week.</param>
internal sealed record WeekBatch(UnitLog Log, ArraySegment<PlannedRecord> Records);
