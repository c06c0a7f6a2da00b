using CampaignFlow.Compliance.Rules;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Campaigns.Compilation;

/// <summary>A plan version compiled once for every unit that runs it: its workflow and its rules.</summary>
/// <param name="Campaign">The workflow definition and what its waiting activities stand for.</param>
/// <param name="Rules">The compliance rules (their network shared with every plan of the same shape) and the due schedule.</param>
internal sealed record CompiledPlan(CompiledCampaign Campaign, ComplianceRules Rules)
{
    /// <summary>The plan version.</summary>
    public ResolvedPlan Plan => Campaign.Plan;
}
