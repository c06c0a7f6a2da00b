namespace CampaignFlow.Plans.Requirements;

/// <summary>How strictly a requirement binds.</summary>
public enum Severity
{
    /// <summary>Must be met; a miss is a violation.</summary>
    Required,

    /// <summary>"原则上" / "一般": a miss is a warning, and a recorded, justified exception closes it.</summary>
    Soft,
}
