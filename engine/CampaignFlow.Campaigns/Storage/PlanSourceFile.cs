namespace CampaignFlow.Campaigns.Storage;

/// <summary>One file a plan version was read from: the plan, its roster, or a plan it inherits.</summary>
/// <param name="Path">The path relative to the definitions folder, with forward slashes.</param>
/// <param name="Text">The file's text.</param>
public sealed record PlanSourceFile(string Path, string Text);
