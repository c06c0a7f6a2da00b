using System.Linq.Expressions;

namespace CampaignFlow.Rules.RuleModel;

/// <summary>One action of a rule's right-hand side.</summary>
/// <param name="Kind">Whether the action is run for effect or yields a linked fact.</param>
/// <param name="Expression">
/// A lambda whose first parameter is a <see cref="Runtime.IContext"/> and whose other parameters are named like
/// declarations of the rule. A <see cref="ActionKind.Yield"/> lambda returns the fact to link.
/// </param>
public sealed record ActionElement(ActionKind Kind, LambdaExpression Expression);
