using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Campaigns.Units;

/// <summary>A unit whose workflow instance has been started: who it is, the plan version it runs, its instance.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Plan">The plan version.</param>
/// <param name="InstanceId">Its workflow instance.</param>
internal sealed record StartedUnit(CampaignUnit Unit, ResolvedPlan Plan, string InstanceId);
