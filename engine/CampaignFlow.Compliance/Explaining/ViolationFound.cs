using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Explaining;

/// <summary>A violation the rules opened in a period, as an explanation shows it.</summary>
/// <param name="Id">The violation's id.</param>
/// <param name="Record">The key of the record it concerns, for a judge of each record (a ledger's item); null otherwise.</param>
/// <param name="MessageZh">Its message in Chinese.</param>
/// <param name="MessageEn">Its message in English.</param>
/// <param name="Evidence">What it rests on: records counted, what is missing, the numbers.</param>
public sealed record ViolationFound(string Id, string? Record, string MessageZh, string MessageEn, Evidence Evidence);
