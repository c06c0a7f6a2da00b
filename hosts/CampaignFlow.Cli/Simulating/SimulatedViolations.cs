using System.Globalization;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Verdicts;
using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Cli.Simulating;

/// <summary>
/// A simulation's violations as the server stores and shows them: through <see cref="ViolationRows"/> and
/// <see cref="ViolationView"/>, so the CLI's JSON and CSV are the API's, never a second shape kept in step by hand.
/// </summary>
internal static class SimulatedViolations
{
    /// <summary>The rows of the violations open at the end of <paramref name="result"/>, opened when the simulation last opened them.</summary>
    public static IReadOnlyList<StoredViolation> Rows(SimulationResult result, ResolvedPlan plan)
    {
        var opened = result.History.Where(c => c.Kind == ViolationChangeKind.Opened)
            .GroupBy(c => c.Violation.Id)
            .ToDictionary(g => g.Key, g => g.Max(c => c.At));
        return result.Violations
            .Select(v => ViolationRows.From(v, plan.Unit.Parent) with { Status = ViolationStatus.Open, OpenedAt = opened.GetValueOrDefault(v.Id, result.At), ChangedAt = result.At })
            .ToArray();
    }

    /// <summary>The views of <paramref name="rows"/> in <paramref name="culture"/>.</summary>
    public static IReadOnlyList<ViolationView> Views(IReadOnlyList<StoredViolation> rows, CultureInfo culture) =>
        rows.Select(r => ViolationView.Of(r, culture)).ToArray();
}
