using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Judges;
using NRules;

namespace CampaignFlow.Compliance.NRules;

/// <summary>
/// NRules (1.0.4) as a compliance engine: the one rule shape of <see cref="Rules.ComplianceRules"/> built in NRules'
/// rule model, from the same judges. A second, independent engine to check ours against, and for hosts that choose it.
/// </summary>
/// <threadsafety>Safe for concurrent use.</threadsafety>
public sealed class NRulesComplianceEngine : IComplianceEngine
{
    /// <summary>The one instance: the engine holds no state.</summary>
    public static NRulesComplianceEngine Instance { get; } = new();

    private NRulesComplianceEngine()
    {
    }

    /// <inheritdoc />
    public string Name => "nrules";

    /// <inheritdoc />
    public IComplianceNetwork Compile(IReadOnlyCollection<RequirementJudge> judges)
    {
        ArgumentNullException.ThrowIfNull(judges);
        var compiler = new RuleCompiler();

        // Facts are identified by reference, as in our engine: two records (or verdicts) that are equal as values are
        // still two facts, and a verdict judged again replaces the linked violation rather than matching it.
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance;
        return new NRulesComplianceNetwork(this, compiler.Compile(judges.Select(NRulesComplianceRules.Rule).ToArray()));
    }
}
