using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>A kind of document, with the chain of roles that review it, in order.</summary>
public sealed record DocumentKindSpec : PlanNode
{
    /// <summary>The Chinese title, e.g. 专题民主生活会方案.</summary>
    [PlanRequired, Shorthand, Description("The title, e.g. 专题民主生活会方案.")]
    public string Title { get; init; } = "";

    /// <summary>The roles that review it, in order; each must approve before the next.</summary>
    [Description("Roles that review it, in order (e.g. [principal, supervisor]); each approves before the next.")]
    public IReadOnlyList<string>? ReviewChain { get; init; }

    /// <summary>A longer or shorter chain for authors of a given rank (逐级审核).</summary>
    [Description("Review chains by the author's rank (逐级审核), replacing reviewChain for authors of that rank.")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? ReviewChainByRank { get; init; }
}
