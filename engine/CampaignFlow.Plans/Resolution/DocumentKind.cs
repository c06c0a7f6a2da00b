namespace CampaignFlow.Plans.Resolution;

/// <summary>A kind of document, from a plan's vocabulary, with the roles that review it.</summary>
/// <param name="Title">The Chinese title, e.g. 专题民主生活会方案.</param>
/// <param name="ReviewChain">The roles that review it, in order, each approving before the next; empty when it is not reviewed.</param>
/// <param name="ReviewChainByRank">Longer or shorter chains for authors of a rank (逐级审核), replacing <paramref name="ReviewChain"/> for them.</param>
public sealed record DocumentKind(string Title, IReadOnlyList<string> ReviewChain, IReadOnlyDictionary<string, IReadOnlyList<string>> ReviewChainByRank);
