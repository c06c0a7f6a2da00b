using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>A place the plan knows (a contact point, a township, an enterprise), which an activity's attribute may name.</summary>
public sealed record PlaceSpec : PlanNode
{
    /// <summary>The Chinese name, e.g. 游仙区忠兴镇.</summary>
    [PlanRequired, Shorthand, Description("The name, e.g. 游仙区忠兴镇.")]
    public string Title { get; init; } = "";

    /// <summary>What the place is, as attribute values a <c>where</c> can test (kind: township).</summary>
    [Description("What the place is, e.g. { kind: township }: a where tests them through the attribute that names the place (where: { place: { kind: township } }).")]
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
