using System.Linq.Expressions;
using CampaignFlow.Rules.RuleModel;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Builder;

/// <summary>Builds a rule's actions from data.</summary>
public sealed class RightHandSideBuilder
{
    private readonly List<ActionElement> _actions = [];

    /// <summary>A parameter for the action context, to use as the first parameter of action lambdas.</summary>
    public ParameterExpression Context { get; } = Expression.Parameter(typeof(IContext), "context");

    /// <summary>Adds an action run for its effects.</summary>
    /// <param name="action">A lambda taking the context first, then declarations by name.</param>
    /// <returns>This builder.</returns>
    public RightHandSideBuilder Action(LambdaExpression action)
    {
        _actions.Add(new ActionElement(ActionKind.Do, action));
        return this;
    }

    /// <summary>Adds an action yielding a linked fact, kept true by the engine.</summary>
    /// <param name="yield">A lambda taking the context first, then declarations by name, returning the fact.</param>
    /// <returns>This builder.</returns>
    public RightHandSideBuilder Yield(LambdaExpression yield)
    {
        _actions.Add(new ActionElement(ActionKind.Yield, yield));
        return this;
    }

    /// <summary>Adds an action yielding a linked fact built by a delegate from the match; the delegate runs when the rule fires.</summary>
    /// <param name="factory">Makes the linked fact from the rule's match.</param>
    /// <returns>This builder.</returns>
    public RightHandSideBuilder Yield(Func<IContext, object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Yield(Expression.Lambda(Expression.Invoke(Expression.Constant(factory), Context), Context));
    }

    internal ActionElement[] Build() => _actions.ToArray();
}
