namespace CampaignFlow.Campaigns.Service;

/// <summary>Why a caller may not store one of the records it sent; with any refusal nothing of the recording is stored.</summary>
/// <param name="Code">The caller's message code for the refusal.</param>
/// <param name="Arguments">The values the message names.</param>
/// <param name="Forbidden">True when the caller lacks the right (HTTP 403), false when the record does not belong here (422).</param>
public sealed record RecordRefusal(string Code, IReadOnlyList<string> Arguments, bool Forbidden);
