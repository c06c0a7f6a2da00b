using System.Text;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// What one engine found, written out line by line (every field a user or an auditor sees: id, status, code,
/// arguments, evidence), so two engines compare as text and a mismatch names the first differing violation.
/// </summary>
internal static class EngineOutcome
{
    /// <summary>Asserts that <paramref name="nrules"/> found what <paramref name="ours"/> found, open and in history.</summary>
    public static void ShouldAgree(SimulationResult ours, SimulationResult nrules, string scenario)
    {
        FirstDifference("open violation", ours.Violations.Select(Line).ToArray(), nrules.Violations.Select(Line).ToArray(), scenario);
        FirstDifference("history entry", History(ours), History(nrules), scenario);
        ours.Pending.Count.ShouldBe(nrules.Pending.Count, scenario);
    }

    private static string[] History(SimulationResult result) =>
        result.History.Select(c => $"{c.At:yyyy-MM-dd HH:mm} {c.Kind} {Line(c.Violation)}").ToArray();

    /// <summary>One violation as a line: everything its message, its evidence and its status rest on.</summary>
    public static string Line(Violation v)
    {
        var line = new StringBuilder(v.Id);
        line.Append(" [").Append(v.Severity).Append("] ").Append(v.Code).Append('(').AppendJoin(", ", v.Arguments).Append(')');
        line.Append(" counted: ").AppendJoin(",", v.Evidence.Counted);
        line.Append(" missing: ").AppendJoin(",", v.Evidence.Missing);
        line.Append(" actual: ").Append(v.Evidence.Actual).Append(" required: ").Append(v.Evidence.Required);
        line.Append(' ').Append(v.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Append("..").Append(v.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return line.ToString();
    }

    private static void FirstDifference(string what, string[] ours, string[] nrules, string scenario)
    {
        for (var i = 0; i < Math.Min(ours.Length, nrules.Length); i++)
        {
            if (ours[i] != nrules[i])
            {
                throw new ShouldAssertException($"{scenario}: {what} #{i + 1} differs.\n  campaignflow: {ours[i]}\n  nrules:       {nrules[i]}");
            }
        }

        if (ours.Length != nrules.Length)
        {
            var extra = ours.Length > nrules.Length ? $"campaignflow has more, first: {ours[nrules.Length]}" : $"nrules has more, first: {nrules[ours.Length]}";
            throw new ShouldAssertException($"{scenario}: {ours.Length} {what}(s) on campaignflow, {nrules.Length} on nrules; {extra}");
        }
    }
}
