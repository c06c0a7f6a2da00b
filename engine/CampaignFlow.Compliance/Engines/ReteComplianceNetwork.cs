using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Compliance.Engines;

/// <summary>Compliance rules compiled by our Rete: its session factory, behind the engine-neutral seam.</summary>
/// <param name="engine">The engine that compiled it.</param>
/// <param name="factory">The compiled rules.</param>
public sealed class ReteComplianceNetwork(ReteComplianceEngine engine, ISessionFactory factory) : IComplianceNetwork
{
    /// <inheritdoc />
    public IComplianceEngine Engine { get; } = engine;

    /// <summary>The compiled rules, for tools that need our engine's own session (diagnostics, matches).</summary>
    public ISessionFactory Factory { get; } = factory;

    /// <inheritdoc />
    public IComplianceSession CreateSession() => new ReteComplianceSession(Factory.CreateSession());
}
