namespace CampaignFlow.Plans.Loading;

/// <summary>The text of one plan or roster file, for resolving plans that are not (or no longer) files on disk.</summary>
/// <param name="Path">Its path, with '/' between folders; a plan's roster is found relative to it.</param>
/// <param name="Text">The file's text.</param>
public sealed record PlanText(string Path, string Text);
