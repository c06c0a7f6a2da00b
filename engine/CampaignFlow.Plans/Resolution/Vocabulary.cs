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

    /// <summary>
    /// What a reader calls <paramref name="id"/> where evidence names it: a role's title, or the title an activity kind
    /// gives an attribute value (<c>valueTitles:</c>); null when the plan titles neither.
    /// </summary>
    /// <param name="id">A role's id or an attribute value.</param>
    public string? TitleOf(string id) =>
        Roles.TryGetValue(id, out var role) && role.Title.Length > 0 ? role.Title
        : Activities.Values.Select(a => a.ValueTitles.GetValueOrDefault(id)).FirstOrDefault(t => t is { Length: > 0 });

    /// <summary>
    /// What a reader calls the kind a record is of: an activity kind's, document kind's or ledger's title (集中学习,
    /// 对照检查材料, 整改任务书); null when the plan has no such kind or gives it no title.
    /// </summary>
    /// <param name="kind">An activity kind's, document kind's or ledger's id.</param>
    public string? KindTitle(string kind) =>
        Activities.TryGetValue(kind, out var activity) && activity.Title.Length > 0 ? activity.Title
        : Documents.TryGetValue(kind, out var document) && document.Title.Length > 0 ? document.Title
        : Ledgers.TryGetValue(kind, out var ledger) && ledger.Title.Length > 0 ? ledger.Title
        : null;

    /// <summary>What a reader calls document kind <paramref name="kind"/>: its title, or the id when the plan gives none.</summary>
    /// <param name="kind">A document kind's id.</param>
    public string DocumentTitle(string kind) => Documents.GetValueOrDefault(kind) is { Title.Length: > 0 } document ? document.Title : kind;
}
