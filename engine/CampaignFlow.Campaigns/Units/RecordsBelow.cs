namespace CampaignFlow.Campaigns.Units;

/// <summary>
/// What a body's session reads of the units below it, for its requirements over them (<c>acrossUnits</c>): the
/// units it counts and the kinds of record those requirements concern.
/// </summary>
/// <param name="Units">The ids of the units below the body.</param>
/// <param name="Kinds">The stored kinds (activity, document or ledger ids) the requirements read.</param>
internal sealed record RecordsBelow(IReadOnlySet<string> Units, IReadOnlySet<string> Kinds);
