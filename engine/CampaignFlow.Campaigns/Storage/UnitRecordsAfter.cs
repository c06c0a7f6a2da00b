namespace CampaignFlow.Campaigns.Storage;

/// <summary>One unit of <see cref="IRecordStore.ReadUnitsAsync"/>: its records after this sequence are wanted.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="AfterSequence">The last sequence already seen (0: every record of the unit).</param>
public sealed record UnitRecordsAfter(string Unit, long AfterSequence);
