namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>A value a filter of the violations list takes, with the words a reader knows it by.</summary>
/// <param name="Value">What the filter takes (an id).</param>
/// <param name="Label">Its name or title in the reader's language.</param>
public readonly record struct FilterChoice(string Value, string Label);
