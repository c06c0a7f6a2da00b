namespace CampaignFlow.CampaignHarness;

/// <summary>
/// One record a generated unit will post, kept small (a 100,000-unit campaign holds a few million of them, in the
/// host's process): what it is, its day, which of its kind it is (its key), its attribute and the week it is posted in.
/// </summary>
/// <param name="Day">The day it happened.</param>
/// <param name="Kind">The activity.</param>
/// <param name="Ordinal">Its number among the unit's records of that activity: the key is <c>activity-ordinal</c>.</param>
/// <param name="Attribute">The participant group of a mass evaluation, the base of a visit (an index into their lists).</param>
/// <param name="PostWeek">The week it is posted in: its own, or later for a record caught up late.</param>
internal readonly record struct PlannedRecord(DateOnly Day, RecordKind Kind, short Ordinal, byte Attribute, short PostWeek);
