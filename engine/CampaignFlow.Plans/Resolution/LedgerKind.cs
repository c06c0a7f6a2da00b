namespace CampaignFlow.Plans.Resolution;

/// <summary>A ledger (台账) the unit keeps, from a plan's vocabulary: a list of items, each carrying fields.</summary>
/// <param name="Title">The Chinese title, e.g. 整改台账.</param>
/// <param name="Fields">The fields every item must carry; empty when none are declared.</param>
public sealed record LedgerKind(string Title, IReadOnlyList<string> Fields);
