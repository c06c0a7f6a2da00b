using System.Linq.Expressions;

namespace CampaignFlow.Rules.RuleModel;

/// <summary>
/// Aggregates the facts matched by <see cref="Source"/>, separately for every partial match of the
/// elements before it. Used as the <see cref="PatternElement.Source"/> of the pattern binding the result.
/// </summary>
/// <param name="Kind">The aggregation.</param>
/// <param name="Source">The pattern whose matching facts are aggregated; its conditions may refer to earlier declarations.</param>
/// <param name="Selector">
/// A one-parameter lambda over the source fact: the key for <see cref="AggregateKind.GroupBy"/>, the value for
/// <see cref="AggregateKind.Sum"/>, <see cref="AggregateKind.Min"/> and <see cref="AggregateKind.Max"/>; <c>null</c> otherwise.
/// </param>
public sealed record AggregateElement(AggregateKind Kind, PatternElement Source, LambdaExpression? Selector = null)
{
    /// <summary>The type of the aggregate's result, which the binding pattern's declaration must have.</summary>
    /// <exception cref="InvalidOperationException">The kind needs a selector and has none.</exception>
    public Type ResultType => Kind switch
    {
        AggregateKind.Collect => typeof(IReadOnlyCollection<>).MakeGenericType(Source.Declaration.Type),
        AggregateKind.GroupBy => typeof(IGrouping<,>).MakeGenericType(RequireSelector().ReturnType, Source.Declaration.Type),
        AggregateKind.Count => typeof(int),
        _ => RequireSelector().ReturnType,
    };

    private LambdaExpression RequireSelector() =>
        Selector ?? throw new InvalidOperationException($"A {Kind} aggregate needs a selector.");
}
