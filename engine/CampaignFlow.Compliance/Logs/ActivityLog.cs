using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Logs;

/// <summary>An activity log as read: its records, in file order, and every finding about it.</summary>
/// <param name="Path">The file.</param>
/// <param name="PlanId">The plan it names.</param>
/// <param name="Records">The records that could be read.</param>
/// <param name="Diagnostics">What is wrong with it, at file:line:column.</param>
public sealed record ActivityLog(string Path, string PlanId, IReadOnlyList<UnitRecord> Records, IReadOnlyList<PlanDiagnostic> Diagnostics)
{
    /// <summary>Where each record read was written, by key (for messages about a record as a whole).</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>
    /// The plan as the log's unit runs it: the plan read against, or, for a unit's log on a template (<c>unit:</c>),
    /// the template naming that unit. Null when the log was not read against a plan.
    /// </summary>
    public ResolvedPlan? UnitPlan { get; init; }

    /// <summary>True when any finding is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
