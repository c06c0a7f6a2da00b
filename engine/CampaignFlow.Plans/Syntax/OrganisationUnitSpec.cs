using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// A body or unit as a line of an organisation file: a unit, and optionally the file of its people. A unit on its
/// kind's template with a roster runs the template resolved against its own people (per-person actions bind each of them).
/// </summary>
public sealed record OrganisationUnitSpec : UnitSpec
{
    /// <summary>A roster file (<c>*.roster.yaml</c>), relative to the organisation file; null for a unit counted as a whole.</summary>
    [Description("The unit's roster file (*.roster.yaml), relative to this file: its people, branches and departments.")]
    public string? Roster { get; init; }
}
