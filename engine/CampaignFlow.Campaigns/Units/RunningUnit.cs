using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Campaigns.Units;

/// <summary>A unit whose campaign this service runs: its plan version compiled (shared with every unit on it), its instance and its lock.</summary>
/// <param name="Unit">The unit as callers see it.</param>
/// <param name="Compiled">The plan version's workflow and rules.</param>
/// <param name="InstanceId">The unit's workflow instance for this plan version.</param>
internal sealed record RunningUnit(CampaignUnit Unit, CompiledPlan Compiled, string InstanceId)
{
    /// <summary>
    /// The plan as this unit runs it: the compiled plan, or, for a template, the template naming this unit (records
    /// are read against it, so they carry the unit's id).
    /// </summary>
    public ResolvedPlan Plan { get; } = Compiled.Plan.Template is null
        ? Compiled.Plan
        : ResolvedTemplate.ForUnit(Compiled.Plan, new ResolvedUnit(Unit.Id, Unit.Name, Unit.Kind, Unit.Body));

    /// <summary>For a body whose plan has requirements over the units below it: what its session reads of them; otherwise null.</summary>
    public RecordsBelow? Below { get; init; }

    /// <summary>Serialises everything done to the unit's session and records; kept when a migration moves the unit.</summary>
    public SemaphoreSlim Lock { get; init; } = new(1, 1);

    /// <summary>The key of the unit's session: one per unit and plan version.</summary>
    public string SessionKey => $"{Unit.Id}@{Unit.PlanVersion}";
}
