using System.Linq.Expressions;

namespace CampaignFlow.Rules.Compilation;

/// <summary>Replaces parameters with other expressions: how a rule's named variables become reads from tokens and facts.</summary>
internal sealed class ParameterReplacer(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
{
    public static Expression Replace(Expression expression, IReadOnlyDictionary<ParameterExpression, Expression> replacements) =>
        new ParameterReplacer(replacements).Visit(expression);

    protected override Expression VisitParameter(ParameterExpression node) =>
        replacements.TryGetValue(node, out var replacement) ? replacement : node;
}
