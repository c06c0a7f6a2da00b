using CampaignFlow.Compliance.Engines;
using NRules;

namespace CampaignFlow.Compliance.NRules;

/// <summary>Compliance rules compiled by NRules: its session factory, behind the engine-neutral seam.</summary>
/// <param name="engine">The engine that compiled it.</param>
/// <param name="factory">NRules' compiled rules.</param>
public sealed class NRulesComplianceNetwork(NRulesComplianceEngine engine, ISessionFactory factory) : IComplianceNetwork
{
    /// <inheritdoc />
    public IComplianceEngine Engine { get; } = engine;

    /// <summary>NRules' compiled rules, for tools that need its own session (its diagnostics, its events).</summary>
    public ISessionFactory Factory { get; } = factory;

    /// <inheritdoc />
    public IComplianceSession CreateSession() => new NRulesComplianceSession(Factory.CreateSession());
}
