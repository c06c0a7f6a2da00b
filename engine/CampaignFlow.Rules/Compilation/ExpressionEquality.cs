using System.Linq.Expressions;

namespace CampaignFlow.Rules.Compilation;

/// <summary>
/// Structural equality of expression trees, with lambda parameters matched by position, so that two rules
/// written with different variable names still share a node. Unknown node kinds compare unequal, which only
/// costs a missed sharing.
/// </summary>
internal static class ExpressionEquality
{
    public static bool AreEqual(LambdaExpression? x, LambdaExpression? y) =>
        x is null || y is null ? x is null && y is null : new Comparison().Equal(x, y);

    private sealed class Comparison
    {
        private readonly Dictionary<ParameterExpression, ParameterExpression> _parameters = [];

        public bool Equal(Expression? x, Expression? y)
        {
            if (x is null || y is null)
            {
                return x is null && y is null;
            }

            if (x.NodeType != y.NodeType || x.Type != y.Type)
            {
                return false;
            }

            return (x, y) switch
            {
                (LambdaExpression a, LambdaExpression b) => Lambda(a, b),
                (ParameterExpression a, ParameterExpression b) => _parameters.TryGetValue(a, out var mapped) ? mapped == b : a == b,
                (ConstantExpression a, ConstantExpression b) => Equals(a.Value, b.Value),
                (BinaryExpression a, BinaryExpression b) => a.Method == b.Method && a.IsLiftedToNull == b.IsLiftedToNull
                    && Equal(a.Left, b.Left) && Equal(a.Right, b.Right) && Equal(a.Conversion, b.Conversion),
                (UnaryExpression a, UnaryExpression b) => a.Method == b.Method && Equal(a.Operand, b.Operand),
                (MemberExpression a, MemberExpression b) => a.Member == b.Member && Equal(a.Expression, b.Expression),
                (MethodCallExpression a, MethodCallExpression b) => a.Method == b.Method && Equal(a.Object, b.Object) && All(a.Arguments, b.Arguments),
                (ConditionalExpression a, ConditionalExpression b) => Equal(a.Test, b.Test) && Equal(a.IfTrue, b.IfTrue) && Equal(a.IfFalse, b.IfFalse),
                (NewExpression a, NewExpression b) => a.Constructor == b.Constructor && All(a.Arguments, b.Arguments),
                (TypeBinaryExpression a, TypeBinaryExpression b) => a.TypeOperand == b.TypeOperand && Equal(a.Expression, b.Expression),
                (NewArrayExpression a, NewArrayExpression b) => All(a.Expressions, b.Expressions),
                (InvocationExpression a, InvocationExpression b) => Equal(a.Expression, b.Expression) && All(a.Arguments, b.Arguments),
                (DefaultExpression, DefaultExpression) => true,
                _ => false,
            };
        }

        private bool Lambda(LambdaExpression a, LambdaExpression b)
        {
            if (a.Parameters.Count != b.Parameters.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Parameters.Count; i++)
            {
                if (a.Parameters[i].Type != b.Parameters[i].Type)
                {
                    return false;
                }

                _parameters[a.Parameters[i]] = b.Parameters[i];
            }

            return Equal(a.Body, b.Body);
        }

        private bool All(IReadOnlyList<Expression> a, IReadOnlyList<Expression> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (!Equal(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
