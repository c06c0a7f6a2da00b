using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Timing;

namespace CampaignFlow.Campaigns.Service;

/// <summary>A unit whose campaign this service runs: its plan version compiled into rules and a workflow, its instance and its lock.</summary>
/// <param name="Unit">The unit as callers see it.</param>
/// <param name="Campaign">The plan version's workflow.</param>
/// <param name="Rules">The plan version's rules.</param>
/// <param name="InstanceId">The unit's workflow instance for this plan version.</param>
internal sealed record RunningUnit(CampaignUnit Unit, CompiledCampaign Campaign, ComplianceRules Rules, string InstanceId)
{
    /// <summary>Serialises everything done to the unit's session and records.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);

    /// <summary>The unit's periods and deadlines, in closing order.</summary>
    public IReadOnlyList<Due> Schedule { get; } = DueSchedule.For(Campaign.Plan, Unit.Id);

    /// <summary>The key of the unit's session: one per unit and plan version.</summary>
    public string SessionKey => $"{Unit.Id}@{Unit.PlanVersion}";
}
