namespace CampaignFlow.Rules.RuleModel;

/// <summary>The aggregations a rule can apply to the facts matched by a source pattern.</summary>
public enum AggregateKind
{
    /// <summary>All matching facts, as an <see cref="IReadOnlyCollection{T}"/>; matches even when empty.</summary>
    Collect,

    /// <summary>Matching facts grouped by a key selector, one <see cref="IGrouping{TKey, TElement}"/> result per non-empty group.</summary>
    GroupBy,

    /// <summary>The sum of a numeric selector over matching facts; zero when none match.</summary>
    Sum,

    /// <summary>The number of matching facts, as an <see cref="int"/>; zero when none match.</summary>
    Count,

    /// <summary>The least value of a comparable selector; no result when none match.</summary>
    Min,

    /// <summary>The greatest value of a comparable selector; no result when none match.</summary>
    Max,
}
