using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Reading;

/// <summary>One plan file as read: the plan as written (when it could be read at all) and what reading found.</summary>
/// <param name="Path">The file's path as given.</param>
/// <param name="Plan">The plan, or null when the file is not a plan at all (a YAML syntax error, an empty file).</param>
/// <param name="Diagnostics">Every finding of the read.</param>
public sealed record PlanSource(string Path, PlanDocument? Plan, IReadOnlyList<PlanDiagnostic> Diagnostics)
{
    /// <summary>True when reading found an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// True when a file the plan names (its roster, its holidays) was refused whole (<c>file-not-utf8</c>): the plan
    /// is not resolved, since whatever resolving it without that file found would be the file's fault, not the plan's.
    /// </summary>
    public bool Incomplete { get; init; }
}
