using System.Linq.Expressions;
using CampaignFlow.Rules.RuleModel;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Fluent;

/// <summary>The actions of a DSL rule, which may use the variables bound by its conditions.</summary>
public sealed class RightHandSideExpression
{
    private readonly ClosureRewriter _rewriter;
    private readonly List<ActionElement> _actions = [];

    internal RightHandSideExpression(ClosureRewriter rewriter) => _rewriter = rewriter;

    internal IReadOnlyList<ActionElement> Actions => _actions;

    /// <summary>Runs an action for its effects; it may insert, update and retract facts through the context.</summary>
    /// <param name="action">The action.</param>
    /// <returns>This expression.</returns>
    public RightHandSideExpression Do(Expression<Action<IContext>> action)
    {
        _actions.Add(new ActionElement(ActionKind.Do, _rewriter.Rewrite(action, null, keepFirstParameter: true)));
        return this;
    }

    /// <summary>Yields a linked fact: retracted by the engine when the match goes away, replaced when it changes.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="fact">Makes the fact from the match.</param>
    /// <returns>This expression.</returns>
    public RightHandSideExpression Yield<TFact>(Expression<Func<IContext, TFact>> fact)
    {
        _actions.Add(new ActionElement(ActionKind.Yield, _rewriter.Rewrite(fact, null, keepFirstParameter: true)));
        return this;
    }
}
