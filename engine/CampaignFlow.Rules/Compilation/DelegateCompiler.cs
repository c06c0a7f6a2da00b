using System.Linq.Expressions;

namespace CampaignFlow.Rules.Compilation;

/// <summary>
/// Compiles rule expressions to delegates. A nested lambda that uses none of its enclosing lambda's variables
/// (<c>g.Sum(s => s.Hours)</c>) is compiled once up front: compiled expression trees would otherwise build a
/// new delegate for it on every evaluation.
/// </summary>
internal static class DelegateCompiler
{
    public static TDelegate Compile<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate =>
        ((Expression<TDelegate>)new ClosedLambdaHoister(lambda).Visit(lambda)).Compile();

    public static Delegate Compile(LambdaExpression lambda) =>
        ((LambdaExpression)new ClosedLambdaHoister(lambda).Visit(lambda)).Compile();

    private sealed class ClosedLambdaHoister(LambdaExpression root) : ExpressionVisitor
    {
        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            var visited = (LambdaExpression)base.VisitLambda(node);
            return node != root && FreeParameters.Of(visited) == 0
                ? Expression.Constant(visited.Compile(), visited.Type)
                : visited;
        }
    }

    private sealed class FreeParameters : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _declared = [];
        private int _free;

        public static int Of(LambdaExpression lambda)
        {
            var finder = new FreeParameters();
            finder.Visit(lambda);
            return finder._free;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _declared.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            _declared.UnionWith(node.Variables);
            return base.VisitBlock(node);
        }

        protected override CatchBlock VisitCatchBlock(CatchBlock node)
        {
            if (node.Variable is not null)
            {
                _declared.Add(node.Variable);
            }

            return base.VisitCatchBlock(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!_declared.Contains(node))
            {
                _free++;
            }

            return node;
        }
    }
}
