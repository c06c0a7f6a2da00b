using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Rete;
using CampaignFlow.Rules.Rete.Aggregation;
using CampaignFlow.Rules.RuleModel;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Compilation;

/// <summary>
/// Turns rule definitions into one Rete network. Each rule's conditions are split into single-fact tests (alpha
/// nodes), equality keys between the new fact and earlier variables (the hash index of the beta node) and the
/// rest; a node that an earlier rule already built with identical conditions is reused.
/// </summary>
internal sealed class NetworkBuilder
{
    private static readonly FieldInfo TokenParent = typeof(Token).GetField(nameof(Token.Parent))!;
    private static readonly FieldInfo TokenFact = typeof(Token).GetField(nameof(Token.Fact))!;
    private static readonly FieldInfo FactValue = typeof(Fact).GetField(nameof(Fact.Value))!;

    private readonly List<ReteNode> _nodes = [];
    private readonly List<TypeNode> _typeNodes = [];
    private readonly List<CompiledRule> _rules = [];
    private readonly RootNode _root;

    public NetworkBuilder() => _root = Add(new RootNode(0));

    public ReteNetwork Build() => new(_root, _typeNodes, _nodes, _rules);

    public void AddRule(RuleDefinition rule)
    {
        if (_rules.Any(r => r.Definition.Id == rule.Id))
        {
            throw new RuleCompilationException(rule.Id, "another rule of the set has the same id.");
        }

        if (rule.Conditions.Count == 0)
        {
            throw new RuleCompilationException(rule.Id, "a rule needs at least one condition element.");
        }

        var scope = new List<Declaration>();
        TokenSourceNode current = _root;
        foreach (var element in rule.Conditions)
        {
            switch (element)
            {
                case PatternElement { Source: null } pattern:
                    Declare(rule, scope, pattern.Declaration);
                    current = Beta(rule, current, scope, pattern, NodeKind.Join, null);
                    scope.Add(pattern.Declaration);
                    break;
                case PatternElement { Source: { } aggregate } pattern:
                    Declare(rule, scope, pattern.Declaration);
                    if (!pattern.Declaration.Type.IsAssignableFrom(aggregate.ResultType))
                    {
                        throw new RuleCompilationException(rule.Id, $"'{pattern.Declaration.Name}' is declared as {pattern.Declaration.Type.Name} but the {aggregate.Kind} aggregate yields {aggregate.ResultType.Name}.");
                    }

                    current = Beta(rule, current, scope, aggregate.Source, NodeKind.Aggregate, aggregate);
                    scope.Add(pattern.Declaration);
                    current = Filters(rule, current, scope, pattern.Conditions);
                    break;
                case NotElement not:
                    current = Beta(rule, current, scope, not.Pattern, NodeKind.Not, null);
                    break;
                case ExistsElement exists:
                    current = Beta(rule, current, scope, exists.Pattern, NodeKind.Exists, null);
                    break;
                case FilterElement filter:
                    current = Filters(rule, current, scope, filter.Conditions);
                    break;
                default:
                    throw new RuleCompilationException(rule.Id, $"unknown element {element.GetType().Name}.");
            }
        }

        var compiled = new CompiledRule(rule, scope.Select(d => d.Name).ToArray(), CompileActions(rule, scope));
        var terminal = Add(new TerminalNode(_nodes.Count, compiled));
        terminal.AddRule(rule.Id);
        current.Sinks.Add(terminal);
        _rules.Add(compiled);
    }

    private static void Declare(RuleDefinition rule, List<Declaration> scope, Declaration declaration)
    {
        if (scope.Any(d => d.Name == declaration.Name))
        {
            throw new RuleCompilationException(rule.Id, $"'{declaration.Name}' is declared twice.");
        }
    }

    private TokenSourceNode Beta(RuleDefinition rule, TokenSourceNode left, List<Declaration> scope, PatternElement pattern, NodeKind kind, AggregateElement? aggregate)
    {
        var self = pattern.Declaration;
        var alpha = new List<LambdaExpression>();
        var leftKeys = new List<Expression>();
        var rightKeys = new List<Expression>();
        var residual = new List<Expression>();
        var token = Expression.Parameter(typeof(Token), "token");
        var fact = Expression.Parameter(typeof(Fact), "fact");
        var alphaFact = Expression.Parameter(typeof(Fact), "fact");

        foreach (var condition in pattern.Conditions)
        {
            if (condition.ReturnType != typeof(bool))
            {
                throw new RuleCompilationException(rule.Id, $"condition '{condition}' does not return bool.");
            }

            foreach (var conjunct in Conjunct.Split(condition))
            {
                var usesOthers = conjunct.Parameters.Any(p => p.Name != self.Name);
                if (!usesOthers)
                {
                    var body = Rewrite(rule, conjunct.Body, conjunct.Parameters, self, alphaFact, scope, token);
                    alpha.Add(Expression.Lambda<Func<Fact, bool>>(body, alphaFact));
                }
                else if (TryKey(conjunct, self, out var selfSide, out var otherSide))
                {
                    rightKeys.Add(Rewrite(rule, selfSide, conjunct.Parameters, self, fact, scope, token));
                    leftKeys.Add(Rewrite(rule, otherSide, conjunct.Parameters, self, fact, scope, token));
                }
                else
                {
                    residual.Add(Rewrite(rule, conjunct.Body, conjunct.Parameters, self, fact, scope, token));
                }
            }
        }

        // ValueTuple carries at most seven items before nesting; later equalities are tested in the bucket.
        while (leftKeys.Count > 7)
        {
            residual.Add(Expression.Equal(leftKeys[^1], rightKeys[^1]));
            leftKeys.RemoveAt(leftKeys.Count - 1);
            rightKeys.RemoveAt(rightKeys.Count - 1);
        }

        var conditions = new JoinConditions(
            leftKeys.Count == 0 ? null : Expression.Lambda(Key(leftKeys), token),
            rightKeys.Count == 0 ? null : Expression.Lambda(Key(rightKeys), fact),
            residual.Count == 0 ? null : Expression.Lambda<Func<Token, Fact, bool>>(residual.Aggregate(Expression.AndAlso), token, fact));

        var memory = AlphaChain(rule, self.Type, alpha);
        if (left == _root && kind == NodeKind.Join && conditions.LeftKeyExpression is null && conditions.ResidualExpression is null)
        {
            return Start(rule, self, memory);
        }

        var selector = aggregate is null ? null : Selector(rule, aggregate);
        if (left == _root && aggregate is { Kind: AggregateKind.GroupBy } && conditions.LeftKeyExpression is null && conditions.ResidualExpression is null)
        {
            return GroupByStart(rule, self, memory, aggregate, selector!);
        }

        var existing = left.Sinks.OfType<BetaNode>().FirstOrDefault(n =>
            n.Kind == kind
            && n.RightSource == memory
            && n.Conditions.SameAs(conditions)
            && (n is not AggregateNode a || (a.AggregateKind == aggregate!.Kind && ExpressionEquality.AreEqual(a.Selector, selector))));
        if (existing is not null)
        {
            existing.AddRule(rule.Id);
            return existing;
        }

        var description = $"{self.Name}: {self.Type.Name}" + (aggregate is null ? string.Empty : $" ({aggregate.Kind})");
        BetaNode node = kind switch
        {
            NodeKind.Join => new JoinNode(_nodes.Count, description, conditions),
            NodeKind.Aggregate => new AggregateNode(_nodes.Count, description, conditions, Prototype(rule, aggregate!, selector), aggregate!.Kind, selector),
            _ when conditions.Residual is null => new CountingExistenceNode(_nodes.Count, kind, description, conditions),
            _ => new FilteredExistenceNode(_nodes.Count, kind, description, conditions),
        };
        Add(node);
        node.AddRule(rule.Id);
        node.Depth = left.Depth + 1;
        node.RightSource = memory;
        memory.Sinks.Add(node);
        left.Sinks.Add(node);
        return node;
    }

    private static Expression Key(List<Expression> parts) =>
        parts.Count == 1
            ? parts[0]
            : Expression.New(
                typeof(ValueTuple).Assembly.GetType($"System.ValueTuple`{parts.Count}")!.MakeGenericType(parts.Select(p => p.Type).ToArray()).GetConstructors()[0],
                parts);

    /// <summary>Recognises <c>self.X == other.Y</c> (either way round), the shape a hash index can serve.</summary>
    private static bool TryKey(Conjunct conjunct, Declaration self, out Expression selfSide, out Expression otherSide)
    {
        selfSide = otherSide = null!;
        if (conjunct.Body is not BinaryExpression { NodeType: ExpressionType.Equal } equal
            || equal.Left.Type != equal.Right.Type
            || !(equal.Method is null || equal.Method.DeclaringType == typeof(string)
                 || typeof(IEquatable<>).MakeGenericType(equal.Left.Type).IsAssignableFrom(equal.Left.Type)))
        {
            return false;
        }

        var left = ParameterUse.Of(equal.Left, conjunct.Parameters);
        var right = ParameterUse.Of(equal.Right, conjunct.Parameters);
        bool OnlySelf(IReadOnlyList<ParameterExpression> used) => used.Count > 0 && used.All(p => p.Name == self.Name);
        bool OnlyOthers(IReadOnlyList<ParameterExpression> used) => used.Count > 0 && used.All(p => p.Name != self.Name);
        if (OnlySelf(left) && OnlyOthers(right))
        {
            (selfSide, otherSide) = (equal.Left, equal.Right);
            return true;
        }

        if (OnlySelf(right) && OnlyOthers(left))
        {
            (selfSide, otherSide) = (equal.Right, equal.Left);
            return true;
        }

        return false;
    }

    /// <summary>Rewrites a condition's named parameters into reads: the candidate fact from <paramref name="fact"/>, earlier variables from <paramref name="token"/>.</summary>
    private static Expression Rewrite(RuleDefinition rule, Expression body, IReadOnlyList<ParameterExpression> parameters, Declaration? self, ParameterExpression? fact, List<Declaration> scope, ParameterExpression token)
    {
        var replacements = new Dictionary<ParameterExpression, Expression>();
        foreach (var parameter in parameters)
        {
            if (self is not null && parameter.Name == self.Name)
            {
                Check(rule, parameter, self);
                replacements[parameter] = Expression.Convert(Expression.Field(fact!, FactValue), parameter.Type);
                continue;
            }

            var position = scope.FindIndex(d => d.Name == parameter.Name);
            if (position < 0)
            {
                throw new RuleCompilationException(rule.Id, $"'{parameter.Name}' is not declared before it is used.");
            }

            Check(rule, parameter, scope[position]);
            Expression read = token;
            for (var up = scope.Count - 1 - position; up > 0; up--)
            {
                read = Expression.Field(read, TokenParent);
            }

            replacements[parameter] = Expression.Convert(Expression.Field(Expression.Field(read, TokenFact), FactValue), parameter.Type);
        }

        return ParameterReplacer.Replace(body, replacements);
    }

    private static void Check(RuleDefinition rule, ParameterExpression parameter, Declaration declaration)
    {
        if (!parameter.Type.IsAssignableFrom(declaration.Type))
        {
            throw new RuleCompilationException(rule.Id, $"'{parameter.Name}' is used as {parameter.Type.Name} but declared as {declaration.Type.Name}.");
        }
    }

    private AlphaMemoryNode AlphaChain(RuleDefinition rule, Type type, List<LambdaExpression> conditions)
    {
        var typeNode = _typeNodes.FirstOrDefault(t => t.FactType == type);
        if (typeNode is null)
        {
            typeNode = Add(new TypeNode(_nodes.Count, type));
            _typeNodes.Add(typeNode);
        }

        typeNode.AddRule(rule.Id);
        AlphaNode current = typeNode;
        foreach (var condition in conditions)
        {
            var selection = current.AlphaChildren.OfType<SelectionNode>().FirstOrDefault(s => ExpressionEquality.AreEqual(s.Expression, condition));
            if (selection is null)
            {
                selection = Add(new SelectionNode(_nodes.Count, condition, (Func<Fact, bool>)DelegateCompiler.Compile(condition)));
                current.AlphaChildren.Add(selection);
            }

            selection.AddRule(rule.Id);
            current = selection;
        }

        var memory = current.AlphaChildren.OfType<AlphaMemoryNode>().FirstOrDefault();
        if (memory is null)
        {
            memory = Add(new AlphaMemoryNode(_nodes.Count, type.Name));
            current.AlphaChildren.Add(memory);
        }

        memory.AddRule(rule.Id);
        return memory;
    }

    /// <summary>A rule's first pattern without conditions on other facts: each fact is a partial match of its own.</summary>
    private StartNode Start(RuleDefinition rule, Declaration self, AlphaMemoryNode memory) =>
        AtStart(
            rule,
            memory,
            n => n.RightSource == memory,
            () => new StartNode(_nodes.Count, $"{self.Name}: {self.Type.Name}") { RightSource = memory });

    /// <summary>A rule's first element grouping facts by a key of their own: each group is a partial match of its own.</summary>
    private GroupByStartNode GroupByStart(RuleDefinition rule, Declaration self, AlphaMemoryNode memory, AggregateElement aggregate, LambdaExpression selector) =>
        AtStart(
            rule,
            memory,
            n => n.RightSource == memory && ExpressionEquality.AreEqual(n.Selector, selector),
            () =>
            {
                // Typed once here, so that a session's groups are made without reflection.
                var groupsType = typeof(KeyedFactGroups<,>).MakeGenericType(selector.ReturnType, aggregate.Source.Declaration.Type);
                var newGroups = (Func<FactTable, FactGroups>)groupsType.GetMethod(nameof(KeyedFactGroups<int, object>.Factory))!
                    .Invoke(null, [DelegateCompiler.Compile(selector), new SizeHint(4096)])!;
                return new GroupByStartNode(_nodes.Count, $"{self.Name}: {self.Type.Name} ({aggregate.Kind})", selector, newGroups) { RightSource = memory };
            });

    /// <summary>A node fed by an alpha memory and the root token alone, or the one an earlier rule built alike.</summary>
    private T AtStart<T>(RuleDefinition rule, AlphaMemoryNode memory, Func<T, bool> alike, Func<T> create)
        where T : TokenSourceNode, ITokenSink, IFactSink
    {
        var node = _root.Sinks.OfType<T>().FirstOrDefault(alike);
        if (node is null)
        {
            node = Add(create());
            node.Depth = 1;
            memory.Sinks.Add(node);
            _root.Sinks.Add(node);
        }

        node.AddRule(rule.Id);
        return node;
    }

    private TokenSourceNode Filters(RuleDefinition rule, TokenSourceNode left, List<Declaration> scope, IReadOnlyList<LambdaExpression> conditions)
    {
        var current = left;
        foreach (var condition in conditions)
        {
            if (condition.ReturnType != typeof(bool))
            {
                throw new RuleCompilationException(rule.Id, $"condition '{condition}' does not return bool.");
            }

            var token = Expression.Parameter(typeof(Token), "token");
            var body = Rewrite(rule, condition.Body, ParameterUse.Of(condition.Body, condition.Parameters), null, null, scope, token);
            var lambda = Expression.Lambda<Func<Token, bool>>(body, token);
            var filter = current.Sinks.OfType<FilterNode>().FirstOrDefault(f => ExpressionEquality.AreEqual(f.Expression, lambda));
            if (filter is null)
            {
                filter = Add(new FilterNode(_nodes.Count, lambda, DelegateCompiler.Compile(lambda)));
                filter.Depth = current.Depth;
                current.Sinks.Add(filter);
            }

            filter.AddRule(rule.Id);
            current = filter;
        }

        return current;
    }

    /// <summary>The aggregate's selector over an untyped element, as the aggregators take it.</summary>
    private static LambdaExpression? Selector(RuleDefinition rule, AggregateElement aggregate)
    {
        if (aggregate.Selector is null)
        {
            return aggregate.Kind is AggregateKind.Collect or AggregateKind.Count
                ? null
                : throw new RuleCompilationException(rule.Id, $"a {aggregate.Kind} aggregate needs a selector.");
        }

        var selector = aggregate.Selector;
        if (selector.Parameters.Count != 1 || !selector.Parameters[0].Type.IsAssignableFrom(aggregate.Source.Declaration.Type))
        {
            throw new RuleCompilationException(rule.Id, $"the selector of the {aggregate.Kind} aggregate must take one {aggregate.Source.Declaration.Type.Name}.");
        }

        var element = Expression.Parameter(typeof(object), "element");
        var body = ParameterReplacer.Replace(selector.Body, new Dictionary<ParameterExpression, Expression>
        {
            [selector.Parameters[0]] = Expression.Convert(element, selector.Parameters[0].Type),
        });
        return Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(object), selector.ReturnType), body, element);
    }

    private static Aggregator Prototype(RuleDefinition rule, AggregateElement aggregate, LambdaExpression? selector)
    {
        var elementType = aggregate.Source.Declaration.Type;
        var valueType = selector?.ReturnType;
        try
        {
            return aggregate.Kind switch
            {
                AggregateKind.Collect => Create(typeof(CollectAggregator<>).MakeGenericType(elementType)),
                AggregateKind.Count => new CountAggregator(),
                AggregateKind.GroupBy => Create(typeof(GroupByAggregator<,>).MakeGenericType(valueType!, elementType), DelegateCompiler.Compile(selector!)),
                AggregateKind.Sum when IsNumber(valueType!) => Create(typeof(SumAggregator<>).MakeGenericType(valueType!), DelegateCompiler.Compile(selector!)),
                AggregateKind.Sum => throw new RuleCompilationException(rule.Id, $"cannot sum values of type {valueType!.Name}."),
                _ => Create(typeof(ExtremumAggregator<>).MakeGenericType(valueType!), DelegateCompiler.Compile(selector!), aggregate.Kind == AggregateKind.Max),
            };
        }
        catch (ArgumentException ex)
        {
            throw new RuleCompilationException(rule.Id, $"cannot build the {aggregate.Kind} aggregate: {ex.Message}", ex);
        }

        static Aggregator Create(Type type, params object[] arguments) => (Aggregator)Activator.CreateInstance(type, arguments)!;

        static bool IsNumber(Type type) =>
            type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INumber<>));
    }

    private static CompiledAction[] CompileActions(RuleDefinition rule, List<Declaration> scope)
    {
        var actions = new CompiledAction[rule.Actions.Count];
        var yields = 0;
        for (var i = 0; i < actions.Length; i++)
        {
            var action = rule.Actions[i];
            var lambda = action.Expression;
            if (lambda.Parameters.Count == 0 || !lambda.Parameters[0].Type.IsAssignableFrom(typeof(IContext)))
            {
                throw new RuleCompilationException(rule.Id, $"action '{lambda}' must take an {nameof(IContext)} first.");
            }

            var context = Expression.Parameter(typeof(IContext), "context");
            var token = Expression.Parameter(typeof(Token), "token");
            var body = Rewrite(rule, lambda.Body, ParameterUse.Of(lambda.Body, lambda.Parameters.Skip(1).ToArray()), null, null, scope, token);
            body = ParameterReplacer.Replace(body, new Dictionary<ParameterExpression, Expression> { [lambda.Parameters[0]] = context });
            actions[i] = action.Kind == ActionKind.Yield
                ? new CompiledAction(action.Kind, null, DelegateCompiler.Compile(Expression.Lambda<Func<IContext, Token, object?>>(Expression.Convert(body, typeof(object)), context, token)), yields++)
                : new CompiledAction(action.Kind, DelegateCompiler.Compile(Expression.Lambda<Action<IContext, Token>>(body, context, token)), null, -1);
        }

        return actions;
    }

    private T Add<T>(T node)
        where T : ReteNode
    {
        _nodes.Add(node);
        return node;
    }
}
