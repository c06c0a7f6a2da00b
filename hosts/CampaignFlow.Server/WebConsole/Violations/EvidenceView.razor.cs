using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>A violation's evidence: the numbers, the records that counted, what is missing, the plan's lines.</summary>
public partial class EvidenceView
{
    /// <summary>The evidence.</summary>
    [Parameter]
    public ViolationEvidence Evidence { get; set; } = ViolationEvidence.None;

    /// <summary>What each record is, by key (集中学习（2014年3月7日）), for the records that counted; a key not in it is shown alone.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string> RecordWords { get; set; } = new Dictionary<string, string>();
}
