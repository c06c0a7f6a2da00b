namespace CampaignFlow.Campaigns.Storage;

/// <summary>What <see cref="IRecordStore.MarkJudgedAsync"/> records for one unit, for <see cref="IRecordStore.MarkJudgedManyAsync"/>.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="JudgedThrough">The highest sequence whose violations were persisted and whose signals were sent.</param>
/// <param name="DueAt">When time next changes the unit's derived state, or null when nothing is left to come.</param>
public sealed record UnitJudgement(string Unit, long JudgedThrough, DateTimeOffset? DueAt);
