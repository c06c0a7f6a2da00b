namespace CampaignFlow.Plans.Resolution;

/// <summary>A place a plan knows, which an activity's attribute may name (<c>places:</c>).</summary>
/// <param name="Title">The Chinese name, e.g. 游仙区忠兴镇.</param>
/// <param name="Attributes">What it is (kind: township), as a <c>where</c> tests it.</param>
public sealed record Place(string Title, IReadOnlyDictionary<string, string> Attributes);
