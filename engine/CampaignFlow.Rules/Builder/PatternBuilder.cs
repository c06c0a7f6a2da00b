using System.Linq.Expressions;
using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Builder;

/// <summary>Builds a pattern from data: a declaration and conditions given as expression trees.</summary>
/// <param name="declaration">The variable the pattern binds.</param>
public sealed class PatternBuilder(Declaration declaration)
{
    private readonly List<LambdaExpression> _conditions = [];

    /// <summary>The variable the pattern binds.</summary>
    public Declaration Declaration { get; } = declaration;

    /// <summary>A parameter standing for the candidate fact, to use in condition bodies.</summary>
    public ParameterExpression Parameter { get; } = declaration.ToParameter();

    /// <summary>Adds a condition. Its parameters must be named like this pattern's declaration or earlier ones.</summary>
    /// <param name="condition">A lambda returning bool.</param>
    /// <returns>This builder.</returns>
    public PatternBuilder Condition(LambdaExpression condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _conditions.Add(condition);
        return this;
    }

    /// <summary>Adds a condition from a body and the parameters it uses (typically <see cref="Parameter"/> and parameters of earlier declarations).</summary>
    /// <param name="body">A boolean expression.</param>
    /// <param name="parameters">The parameters the body uses, named like declarations.</param>
    /// <returns>This builder.</returns>
    public PatternBuilder Condition(Expression body, params ParameterExpression[] parameters) =>
        Condition(Expression.Lambda(body, parameters));

    /// <summary>Adds the condition <c>self.<paramref name="property"/> == other.<paramref name="otherProperty"/></c>, the join shape the engine indexes.</summary>
    /// <param name="property">A property or field of this pattern's fact.</param>
    /// <param name="other">An earlier declaration.</param>
    /// <param name="otherProperty">A property or field of the earlier declaration.</param>
    /// <returns>This builder.</returns>
    public PatternBuilder Equal(string property, Declaration other, string otherProperty)
    {
        ArgumentNullException.ThrowIfNull(other);
        var otherParameter = other.ToParameter();
        return Condition(
            Expression.Equal(Expression.PropertyOrField(Parameter, property), Expression.PropertyOrField(otherParameter, otherProperty)),
            Parameter,
            otherParameter);
    }

    /// <summary>Builds the pattern.</summary>
    /// <param name="source">The aggregate the pattern reads results from, if any.</param>
    /// <returns>The pattern element.</returns>
    public PatternElement Build(AggregateElement? source = null) => new(Declaration, _conditions.ToArray(), source);
}
