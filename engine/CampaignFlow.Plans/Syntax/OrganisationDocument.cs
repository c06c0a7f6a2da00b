using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// An organisation file (<c>*.units.yaml</c>): bodies and units, one entry each, with their kind and the body above.
/// A unit without a plan of its own runs the template its nearest body issues for its kind.
/// </summary>
[Description("Bodies and units below them, one entry each (a *.units.yaml file).")]
public sealed record OrganisationDocument : PlanNode
{
    /// <summary>The bodies and units, in any order.</summary>
    [PlanRequired, Description("The bodies and units: id, name, kind and parent of each, and a roster file for a unit whose people are named.")]
    public IReadOnlyList<OrganisationUnitSpec> Units { get; init; } = [];
}
