using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Simulation;

/// <summary>
/// Replays a unit's records against its plan on a virtual clock: records and period closings in the order of
/// their days, so violations open and resolve as they would have in the field.
/// </summary>
public static class Simulator
{
    /// <summary>Runs <paramref name="records"/> through <paramref name="plan"/>'s rules up to <paramref name="at"/>.</summary>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="records">What the unit recorded.</param>
    /// <param name="at">The moment to stop at; by default the day after the campaign's end.</param>
    public static SimulationResult Run(ResolvedPlan plan, IEnumerable<UnitRecord> records, DateTimeOffset? at = null) =>
        Run(ComplianceRules.For(plan), records, at);

    /// <summary>Runs records through already compiled rules.</summary>
    /// <param name="rules">The unit's plan, compiled.</param>
    /// <param name="records">What the unit recorded.</param>
    /// <param name="at">The moment to stop at; by default the day after the campaign's end.</param>
    /// <param name="unit">The unit the records are of; by default the plan's (a template's units each have their own id).</param>
    public static SimulationResult Run(ComplianceRules rules, IEnumerable<UnitRecord> records, DateTimeOffset? at = null, string? unit = null)
    {
        var plan = rules.Plan;
        var zone = CampaignFlow.Plans.Zones.PlanTimeZone.Of(plan.TimeZone);
        DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));

        var end = at ?? StartOf(plan.Window.End.AddDays(1));
        var compliance = new UnitCompliance(rules, unit ?? plan.Unit.Id);
        foreach (var record in records.Where(r => StartOf(r.Day) < end).OrderBy(r => r.Day))
        {
            // Each record is kept at the end of its day: the periods that closed before it are judged first.
            compliance.AdvanceTo(StartOf(record.Day));
            compliance.Record(record);
        }

        compliance.AdvanceTo(end);
        var order = plan.Requirements.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var open = compliance.Violations.OrderBy(v => order.GetValueOrDefault(v.RequirementId)).ThenBy(v => v.PeriodStart).ThenBy(v => v.Target, StringComparer.Ordinal).ThenBy(v => v.Id, StringComparer.Ordinal).ToArray();
        return new SimulationResult(end, open, compliance.Pending.ToArray(), compliance.History);
    }
}
