using CampaignFlow.Compliance.Judges;

namespace CampaignFlow.Compliance.Engines;

/// <summary>
/// A rules engine that runs the compliance rules: it builds ADR 0002's one rule shape for each judge and answers
/// with a network that sessions come from. Ours (<see cref="ReteComplianceEngine"/>) is the default; another engine
/// lives in a project of its own, so this one depends on no other engine.
/// </summary>
/// <threadsafety>Implementations are safe for concurrent use: one engine compiles every plan of a host.</threadsafety>
public interface IComplianceEngine
{
    /// <summary>The engine's name as a host option spells it (<c>campaignflow</c>, <c>nrules</c>).</summary>
    string Name { get; }

    /// <summary>Builds one rule per judge, each of the one shape of <see cref="Rules.ComplianceRules"/>, and compiles them.</summary>
    /// <param name="judges">The judges of a plan's requirements, in the plan's order.</param>
    /// <returns>The compiled network, immutable and shared by every session of plans of the same shape.</returns>
    IComplianceNetwork Compile(IReadOnlyCollection<RequirementJudge> judges);
}
