namespace CampaignFlow.Rules.Rete;

/// <summary>
/// A fact's entry in a not or exists node that only counts the facts of each key: it needs no pairs and no
/// place in the bucket, only which bucket it counts in. Used when the fact is already another node's entry.
/// </summary>
internal sealed class CountedEntry(int nodeId) : IndexEntry(nodeId);
