namespace CampaignFlow.Campaigns.Filtering;

/// <summary>Why a filter could not be read: the parameter, its value as written, and what it should have been.</summary>
/// <param name="Parameter">The API's name of the parameter (<c>status</c>, <c>from</c>).</param>
/// <param name="Value">The value as written, trimmed.</param>
/// <param name="Expected">What would be right.</param>
public sealed record ViolationFilterProblem(string Parameter, string Value, FilterExpectation Expected);
