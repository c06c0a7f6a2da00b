namespace CampaignFlow.Campaigns.Lifecycle;

/// <summary>Why a step of a plan version's life was refused: a message code of the caller's catalogue and its values.</summary>
/// <param name="Kind">What kind of refusal (the API's status).</param>
/// <param name="Code">The message code.</param>
/// <param name="Arguments">The values the message names.</param>
public sealed record PlanRefusal(PlanRefusalKind Kind, string Code, IReadOnlyList<string> Arguments);
