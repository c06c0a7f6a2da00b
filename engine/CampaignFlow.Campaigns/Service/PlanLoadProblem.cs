namespace CampaignFlow.Campaigns.Service;

/// <summary>A plan that could not be loaded as written: a finding of its validation, or a change without a new version.</summary>
/// <param name="File">The file, relative to the definitions folder.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
/// <param name="Code">The message code (<c>unknown-key</c>, <c>plan-changed-without-version</c>…).</param>
/// <param name="MessageEn">The message in English.</param>
/// <param name="MessageZh">The message in Chinese.</param>
public sealed record PlanLoadProblem(string File, int Line, int Column, string Code, string MessageEn, string MessageZh);
