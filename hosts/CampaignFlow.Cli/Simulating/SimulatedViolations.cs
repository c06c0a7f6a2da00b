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

    /// <summary>
    /// The resolutions of violations not open at the end of <paramref name="result"/>, each violation's last, in the
    /// order they happened.
    /// </summary>
    public static IReadOnlyList<ViolationChange> Resolutions(SimulationResult result)
    {
        var open = result.Violations.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        return result.History.Where(c => c.Kind == ViolationChangeKind.Resolved && !open.Contains(c.Violation.Id))
            .GroupBy(c => c.Violation.Id, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(c => c.At).ThenBy(c => c.Violation.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The views of <paramref name="resolutions"/> in <paramref name="culture"/>: the API's violation and the evidence of its resolved step.</summary>
    public static IReadOnlyList<ResolvedViolationView> ResolvedViews(SimulationResult result, IReadOnlyList<ViolationChange> resolutions, ResolvedPlan plan, CultureInfo culture) =>
        resolutions.Select(c =>
        {
            var opened = result.History.LastOrDefault(o => o.Kind == ViolationChangeKind.Opened && o.Violation.Id == c.Violation.Id && o.At <= c.At)?.At ?? c.At;
            var row = ViolationRows.From(c.Violation, plan.Unit.Parent) with { Status = ViolationStatus.Resolved, OpenedAt = opened, ResolvedAt = c.At, ChangedAt = c.At };
            var step = ViolationView.EvidenceOf(ViolationRows.Step(row.Details, c));
            return new ResolvedViolationView(ViolationView.Of(row, culture), c.At, c.Records, step.GetProperty("evidence").Clone());
        }).ToArray();

    /// <summary>The views of <paramref name="rows"/> in <paramref name="culture"/>.</summary>
    public static IReadOnlyList<ViolationView> Views(IReadOnlyList<StoredViolation> rows, CultureInfo culture) =>
        rows.Select(r => ViolationView.Of(r, culture)).ToArray();
}
