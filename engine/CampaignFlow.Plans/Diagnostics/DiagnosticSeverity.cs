namespace CampaignFlow.Plans.Diagnostics;

/// <summary>How serious a finding about a plan is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The plan cannot be run as written.</summary>
    Error,

    /// <summary>The plan runs, but probably not as its author meant.</summary>
    Warning,
}
