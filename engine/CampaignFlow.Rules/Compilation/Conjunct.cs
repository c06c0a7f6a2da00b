using System.Linq.Expressions;

namespace CampaignFlow.Rules.Compilation;

/// <summary>One term of a condition split on its top-level <c>&amp;&amp;</c>, with the parameters it uses.</summary>
internal sealed record Conjunct(Expression Body, IReadOnlyList<ParameterExpression> Parameters)
{
    public static IEnumerable<Conjunct> Split(LambdaExpression condition)
    {
        foreach (var term in Terms(condition.Body))
        {
            yield return new Conjunct(term, ParameterUse.Of(term, condition.Parameters));
        }
    }

    private static IEnumerable<Expression> Terms(Expression body)
    {
        if (body.NodeType == ExpressionType.AndAlso && body is BinaryExpression { Method: null } and)
        {
            return Terms(and.Left).Concat(Terms(and.Right));
        }

        return [body];
    }
}
