namespace CampaignFlow.Workflows.Instances;

/// <summary>
/// The canonical identity of a bookmark: a signal name plus a correlation string, compared ordinally.
/// Nothing is hashed or serialized to produce it, so a store can index it as two plain columns.
/// </summary>
/// <param name="Name">What is awaited, e.g. <c>accepted</c>.</param>
/// <param name="Correlation">Which one, e.g. <c>doc-42/reviewer</c>.</param>
public readonly record struct BookmarkKey(string Name, string Correlation)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}|{Correlation}";
}
