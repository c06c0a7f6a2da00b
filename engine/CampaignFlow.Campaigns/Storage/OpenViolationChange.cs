namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// How the number of some units' open violations changed on one day, by the units' clocks: violations opened or
/// re-opened that day, less those resolved. Summed from the first day, the changes give the open count per day.
/// </summary>
/// <param name="Day">The day.</param>
/// <param name="Change">Opened and re-opened less resolved; never 0 (a day without change is left out).</param>
public sealed record OpenViolationChange(DateOnly Day, int Change);
