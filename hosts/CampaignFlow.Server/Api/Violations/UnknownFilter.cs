namespace CampaignFlow.Server.Api.Violations;

/// <summary>
/// A filter naming a unit, body or plan that does not exist: answered 404 with the catalogue's <see cref="Code"/>
/// naming <see cref="Id"/>, never an empty page, so a mistyped id is not taken for a clean record.
/// </summary>
/// <param name="Code">The message code (<c>unknown-unit</c>, <c>unknown-body</c>, <c>unknown-plan</c>).</param>
/// <param name="Id">The id as the filter wrote it.</param>
public sealed record UnknownFilter(string Code, string Id);
