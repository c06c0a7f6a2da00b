using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Rules;

namespace CampaignFlow.Compliance.Engines;

/// <summary>The default compliance engine: our own Rete (CampaignFlow.Rules), with the rules of <see cref="ComplianceRules"/>.</summary>
/// <threadsafety>Safe for concurrent use.</threadsafety>
public sealed class ReteComplianceEngine : IComplianceEngine
{
    /// <summary>The one instance: the engine holds no state.</summary>
    public static ReteComplianceEngine Instance { get; } = new();

    private ReteComplianceEngine()
    {
    }

    /// <inheritdoc />
    public string Name => "campaignflow";

    /// <inheritdoc />
    public IComplianceNetwork Compile(IReadOnlyCollection<RequirementJudge> judges) => new ReteComplianceNetwork(this, ComplianceRules.Compile(judges));
}
