using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>A violation's evidence: the numbers, the records that counted, what is missing, the plan's lines.</summary>
public partial class EvidenceView
{
    /// <summary>The evidence.</summary>
    [Parameter]
    public ViolationEvidence Evidence { get; set; } = ViolationEvidence.None;
}
