using System.Linq.Expressions;

namespace CampaignFlow.Rules.Compilation;

/// <summary>Finds which of a lambda's parameters an expression uses.</summary>
internal sealed class ParameterUse(IReadOnlyCollection<ParameterExpression> candidates) : ExpressionVisitor
{
    private readonly List<ParameterExpression> _used = [];

    public static IReadOnlyList<ParameterExpression> Of(Expression expression, IReadOnlyCollection<ParameterExpression> candidates)
    {
        var use = new ParameterUse(candidates);
        use.Visit(expression);
        return use._used;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (candidates.Contains(node) && !_used.Contains(node))
        {
            _used.Add(node);
        }

        return node;
    }
}
