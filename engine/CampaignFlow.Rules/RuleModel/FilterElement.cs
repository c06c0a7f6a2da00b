using System.Linq.Expressions;

namespace CampaignFlow.Rules.RuleModel;

/// <summary>
/// Conditions over declarations already bound (typically a condition on an aggregate's result).
/// Every lambda parameter must be named like a declaration bound earlier in the rule.
/// </summary>
/// <param name="Conditions">Boolean lambdas over earlier declarations.</param>
public sealed record FilterElement(IReadOnlyList<LambdaExpression> Conditions) : RuleElement;
