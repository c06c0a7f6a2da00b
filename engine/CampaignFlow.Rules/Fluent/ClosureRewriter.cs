using System.Linq.Expressions;
using System.Reflection;
using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Fluent;

/// <summary>
/// Turns the lambdas of a DSL rule into rule-model lambdas. A DSL rule names its variables as local variables
/// captured by closures; reads of those become parameters named after the declarations, and every other
/// captured value is frozen into a constant (so that equal conditions in two rules compare equal and share nodes).
/// </summary>
internal sealed class ClosureRewriter : ExpressionVisitor
{
    private readonly Dictionary<MemberInfo, ParameterExpression> _bindings = [];
    private readonly Dictionary<ParameterExpression, ParameterExpression> _renames = [];
    private readonly List<ParameterExpression> _used = [];

    public Declaration Bind(LambdaExpression alias, Type type)
    {
        if (alias.Body is not MemberExpression { Expression: ConstantExpression, Member: FieldInfo field })
        {
            throw new ArgumentException($"'{alias}' must name a local variable, as in () => x.", nameof(alias));
        }

        var declaration = new Declaration(field.Name, type);
        _bindings[field] = declaration.ToParameter();
        return declaration;
    }

    /// <summary>Rewrites a lambda; its own first parameter, if <paramref name="self"/> is given, becomes that declaration.</summary>
    public LambdaExpression Rewrite(LambdaExpression lambda, Declaration? self, bool keepFirstParameter = false)
    {
        _renames.Clear();
        _used.Clear();
        var leading = new List<ParameterExpression>();
        if (self is not null)
        {
            var parameter = self.ToParameter();
            _renames[lambda.Parameters[0]] = parameter;
            leading.Add(parameter);
        }
        else if (keepFirstParameter)
        {
            leading.Add(lambda.Parameters[0]);
        }

        var body = Visit(lambda.Body);
        return Expression.Lambda(body, leading.Concat(_used.Where(p => !leading.Contains(p))));
    }

    protected override Expression VisitParameter(ParameterExpression node) =>
        _renames.TryGetValue(node, out var renamed) ? renamed : node;

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is ConstantExpression && _bindings.TryGetValue(node.Member, out var parameter))
        {
            if (!_used.Contains(parameter))
            {
                _used.Add(parameter);
            }

            return parameter;
        }

        var visited = base.VisitMember(node);
        if (visited is MemberExpression { Expression: ConstantExpression constant } member)
        {
            var value = member.Member switch
            {
                FieldInfo field => field.GetValue(constant.Value),
                PropertyInfo property => property.GetValue(constant.Value),
                _ => throw new NotSupportedException(member.Member.GetType().Name),
            };
            return Expression.Constant(value, member.Type);
        }

        return visited;
    }
}
