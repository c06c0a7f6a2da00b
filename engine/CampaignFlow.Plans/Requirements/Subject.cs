namespace CampaignFlow.Plans.Requirements;

/// <summary>What a requirement counts: activities of a kind, documents of a kind, publications, ledger items.</summary>
/// <param name="Kind">activity, document, publication, ledger or span.</param>
/// <param name="Id">The vocabulary id (activity kind, document kind, ledger); empty for a span of all activities.</param>
public sealed record Subject(SubjectKind Kind, string Id)
{
    /// <inheritdoc />
    public override string ToString() => Id.Length == 0 ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()} {Id}";
}
