namespace CampaignFlow.CampaignHarness;

/// <summary>What one unit records over the campaign, in the order it posts it.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Kind">Its kind (the template it runs).</param>
/// <param name="Records">Its records, ordered by the week they are posted in.</param>
/// <param name="Gap">The requirement it misses, or null.</param>
internal sealed record UnitLog(string UnitId, string Kind, PlannedRecord[] Records, UnitGap? Gap);
