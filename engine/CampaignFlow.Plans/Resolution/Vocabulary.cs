namespace CampaignFlow.Plans.Resolution;

/// <summary>What a plan's records and requirements may name: activity kinds, documents, ledgers, roles, ranks, unit kinds.</summary>
/// <param name="Activities">Activity kinds by id.</param>
/// <param name="Documents">Document kinds by id.</param>
/// <param name="Ledgers">Ledgers by id.</param>
/// <param name="Roles">Roles by id (built-in and declared), with title and whether external.</param>
/// <param name="Ranks">Ranks people may hold.</param>
/// <param name="UnitKinds">Kinds of unit, by id, with titles.</param>
public sealed record Vocabulary(
    IReadOnlyDictionary<string, ActivityKind> Activities,
    IReadOnlyDictionary<string, DocumentKind> Documents,
    IReadOnlyDictionary<string, LedgerKind> Ledgers,
    IReadOnlyDictionary<string, (string Title, bool External)> Roles,
    IReadOnlyList<string> Ranks,
    IReadOnlyDictionary<string, string> UnitKinds)
{
    /// <summary>Places by id, which an activity's attribute may name (<c>refers: { place: places }</c>).</summary>
    public IReadOnlyDictionary<string, Place> Places { get; init; } = new Dictionary<string, Place>();
}
