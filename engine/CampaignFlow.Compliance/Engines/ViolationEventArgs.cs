using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Engines;

/// <summary>A violation yielded, judged again or retracted by a compliance session.</summary>
/// <param name="violation">The violation as it stands (as it stood, when retracted).</param>
public sealed class ViolationEventArgs(Violation violation) : EventArgs
{
    /// <summary>The violation as it stands (as it stood, when retracted).</summary>
    public Violation Violation { get; } = violation;
}
