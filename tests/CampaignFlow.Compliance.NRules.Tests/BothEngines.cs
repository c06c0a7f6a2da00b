using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Simulation;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>A demo log's plan compiled on both engines (once per log), and a simulation run on each.</summary>
internal static class BothEngines
{
    private static readonly Dictionary<string, (ComplianceRules Ours, ComplianceRules NRules)> Compiled = new(StringComparer.Ordinal);

    public static (ComplianceRules Ours, ComplianceRules NRules) Rules(string log)
    {
        lock (Compiled)
        {
            if (!Compiled.TryGetValue(log, out var both))
            {
                var plan = SeedLogs.PlanOf(log);
                both = Compiled[log] = (ComplianceRules.For(plan), ComplianceRules.For(plan, NRulesComplianceEngine.Instance));
            }

            both.Ours.Network.ShouldBeOfType<ReteComplianceNetwork>();
            both.NRules.Network.ShouldBeOfType<NRulesComplianceNetwork>();
            return both;
        }
    }

    /// <summary>Simulates <paramref name="records"/> of <paramref name="log"/>'s unit on both engines up to <paramref name="at"/> and asserts they agree.</summary>
    /// <returns>Our engine's result, for the caller to check the scenario is not empty.</returns>
    public static SimulationResult ShouldAgree(string log, IEnumerable<UnitRecord> records, DateTimeOffset? at, string scenario)
    {
        var (ours, nrules) = Rules(log);
        var list = records.ToArray();
        var expected = Simulator.Run(ours, list, at);
        EngineOutcome.ShouldAgree(expected, Simulator.Run(nrules, list, at), scenario);
        return expected;
    }

    /// <summary>The start of <paramref name="day"/> in China (every seed plan's zone).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
}
