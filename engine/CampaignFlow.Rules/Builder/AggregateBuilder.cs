using System.Linq.Expressions;
using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Builder;

/// <summary>Builds an aggregate from data: the source pattern, the selector, and conditions on the result.</summary>
public sealed class AggregateBuilder
{
    private readonly string _resultName;
    private readonly List<LambdaExpression> _resultConditions = [];
    private LambdaExpression? _selector;

    internal AggregateBuilder(AggregateKind kind, string resultName, Declaration source)
    {
        Kind = kind;
        _resultName = resultName;
        Source = new PatternBuilder(source);
    }

    /// <summary>The aggregation.</summary>
    public AggregateKind Kind { get; }

    /// <summary>The pattern whose matching facts are aggregated; give it conditions, including joins to earlier declarations.</summary>
    public PatternBuilder Source { get; }

    /// <summary>The declaration the result is bound to (available once the selector, if needed, is set).</summary>
    public Declaration Result => new(_resultName, Element().ResultType);

    /// <summary>Sets the key (group-by) or value (sum, min, max) selector.</summary>
    /// <param name="lambda">A one-parameter lambda over the source fact.</param>
    /// <returns>This builder.</returns>
    public AggregateBuilder Selector(LambdaExpression lambda)
    {
        _selector = lambda;
        return this;
    }

    /// <summary>Sets the selector to a property or field of the source fact.</summary>
    /// <param name="member">The property or field name.</param>
    /// <returns>This builder.</returns>
    public AggregateBuilder Selector(string member) =>
        Selector(Expression.Lambda(Expression.PropertyOrField(Source.Parameter, member), Source.Parameter));

    /// <summary>Adds a condition on the result, such as <c>total &lt; 4</c>; parameters are named like declarations, the result's included.</summary>
    /// <param name="condition">A lambda returning bool.</param>
    /// <returns>This builder.</returns>
    public AggregateBuilder Where(LambdaExpression condition)
    {
        _resultConditions.Add(condition);
        return this;
    }

    /// <summary>Adds a condition on the result from a body and the parameters it uses.</summary>
    /// <param name="body">A boolean expression.</param>
    /// <param name="parameters">The parameters the body uses, named like declarations.</param>
    /// <returns>This builder.</returns>
    public AggregateBuilder Where(Expression body, params ParameterExpression[] parameters) =>
        Where(Expression.Lambda(body, parameters));

    /// <summary>Builds the pattern that binds the aggregate's result.</summary>
    /// <returns>The pattern element, with the aggregate as its source.</returns>
    public PatternElement Build()
    {
        var element = Element();
        return new PatternElement(new Declaration(_resultName, element.ResultType), _resultConditions.ToArray(), element);
    }

    private AggregateElement Element() => new(Kind, Source.Build(), _selector);
}
