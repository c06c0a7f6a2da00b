using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Units;

/// <summary>A unit whose campaign this service runs: its plan version compiled (shared with every unit on it), its instance and its lock.</summary>
/// <param name="Unit">The unit as callers see it.</param>
/// <param name="Compiled">The plan version's workflow and rules.</param>
/// <param name="InstanceId">The unit's workflow instance for this plan version.</param>
internal sealed record RunningUnit(CampaignUnit Unit, CompiledPlan Compiled, string InstanceId)
{
    /// <summary>Serialises everything done to the unit's session and records.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);

    /// <summary>The key of the unit's session: one per unit and plan version.</summary>
    public string SessionKey => $"{Unit.Id}@{Unit.PlanVersion}";
}
