using System.Linq.Expressions;

namespace CampaignFlow.Rules.RuleModel;

/// <summary>
/// Matches facts of <see cref="Declaration"/>'s type that satisfy every condition, and binds the
/// match to the declaration. With a <see cref="Source"/>, the pattern matches the aggregate's results
/// instead of facts in working memory.
/// </summary>
/// <param name="Declaration">The variable bound to each matching fact.</param>
/// <param name="Conditions">
/// Boolean lambdas. A parameter named like <paramref name="Declaration"/> receives the candidate fact;
/// any other parameter must be named like a declaration bound earlier in the rule.
/// </param>
/// <param name="Source">The aggregate this pattern reads its results from, or <c>null</c> for facts in working memory.</param>
public sealed record PatternElement(Declaration Declaration, IReadOnlyList<LambdaExpression> Conditions, AggregateElement? Source = null) : RuleElement;
