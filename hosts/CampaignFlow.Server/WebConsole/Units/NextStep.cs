namespace CampaignFlow.Server.WebConsole.Units;

/// <summary>One thing a unit can do next, in the reader's words, with the page that helps to do it.</summary>
/// <param name="Text">What to do ("为2014年第10周再记录 2 小时：每周集中学习").</param>
/// <param name="Due">The last day of the period it is about, for the order the steps are shown in.</param>
/// <param name="Link">The violation's page, or null for a requirement not judged yet.</param>
public sealed record NextStep(string Text, DateOnly Due, string? Link);
