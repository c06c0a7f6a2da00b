namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// A unit's open violations of one requirement of one plan version, as the store keeps them while violations open and
/// resolve (in the transaction of <see cref="IViolationStore.ApplyAsync"/>): a roll-up reads these instead of the
/// violations themselves.
/// </summary>
/// <param name="Unit">The unit.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="PlanVersion">The plan version.</param>
/// <param name="RequirementId">The requirement.</param>
/// <param name="Open">How many of its violations are open (at least 1: a tally with none is not kept).</param>
/// <param name="EarliestDue">The earliest last day of the periods those violations judge: the unit is behind since the day after.</param>
/// <param name="EarliestOpened">The earliest day, by the unit's clock, one of them (last) opened.</param>
public sealed record OpenViolationTally(string Unit, string PlanId, int PlanVersion, string RequirementId, int Open, DateOnly EarliestDue, DateOnly EarliestOpened);
