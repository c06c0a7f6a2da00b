using System.Diagnostics.Metrics;

namespace CampaignFlow.Compliance.Telemetry;

/// <summary>
/// The compliance sessions' own counts, on a meter of the process: every unit's session adds to them, whichever host
/// or service holds it, so they are counted where the rules fire rather than passed up through every caller.
/// </summary>
public static class ComplianceMeter
{
    /// <summary>The meter's name, for an exporter to listen to.</summary>
    public const string MeterName = "CampaignFlow.Compliance";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> RulesFiredCounter = Meter.CreateCounter<long>("campaignflow.rules.fired", "{activation}",
        "Rule activations fired by the compliance sessions: each a requirement's period judged (a violation yielded, changed or retracted).");

    /// <summary>Counts <paramref name="count"/> activations fired.</summary>
    /// <param name="count">Activations one fire of a session ran.</param>
    internal static void RulesFired(int count)
    {
        if (count > 0)
        {
            RulesFiredCounter.Add(count);
        }
    }
}
