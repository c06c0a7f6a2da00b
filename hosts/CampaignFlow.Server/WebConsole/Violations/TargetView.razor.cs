using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>Whom a violation concerns: the person's (branch's, department's) name, then the id a filter takes.</summary>
public partial class TargetView
{
    /// <summary>The target's id.</summary>
    [Parameter]
    public string Target { get; set; } = "";

    /// <summary>Its name from the violation's evidence (<see cref="ViolationEvidence.TargetName"/>), or null.</summary>
    [Parameter]
    public string? Name { get; set; }
}
