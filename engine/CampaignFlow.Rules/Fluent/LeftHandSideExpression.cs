using System.Linq.Expressions;
using System.Numerics;
using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Fluent;

/// <summary>
/// The conditions of a DSL rule. Bind a variable with an alias to a local variable (<c>() => order</c>) and use the
/// local variable in later conditions and in actions; the engine substitutes the matched values.
/// </summary>
public sealed class LeftHandSideExpression
{
    private readonly ClosureRewriter _rewriter;
    private readonly List<RuleElement> _elements = [];
    private int _anonymous;

    internal LeftHandSideExpression(ClosureRewriter rewriter) => _rewriter = rewriter;

    internal IReadOnlyList<RuleElement> Elements => _elements;

    /// <summary>Matches facts of type <typeparamref name="T"/> and binds each to a variable.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="alias">The local variable to bind, as <c>() => x</c>.</param>
    /// <param name="conditions">Conditions on the fact; they may use variables bound earlier.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression Match<T>(Expression<Func<T>> alias, params Expression<Func<T, bool>>[] conditions)
    {
        _elements.Add(Pattern(_rewriter.Bind(alias, typeof(T)), conditions));
        return this;
    }

    /// <summary>Matches facts of type <typeparamref name="T"/> without binding them to a variable.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="conditions">Conditions on the fact; they may use variables bound earlier.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression Match<T>(params Expression<Func<T, bool>>[] conditions)
    {
        _elements.Add(Pattern(Anonymous<T>("match"), conditions));
        return this;
    }

    /// <summary>Requires that no fact of type <typeparamref name="T"/> satisfies the conditions.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="conditions">Conditions on the fact; they may use variables bound earlier.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression Not<T>(params Expression<Func<T, bool>>[] conditions)
    {
        _elements.Add(new NotElement(Pattern(Anonymous<T>("not"), conditions)));
        return this;
    }

    /// <summary>Requires that some fact of type <typeparamref name="T"/> satisfies the conditions.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="conditions">Conditions on the fact; they may use variables bound earlier.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression Exists<T>(params Expression<Func<T, bool>>[] conditions)
    {
        _elements.Add(new ExistsElement(Pattern(Anonymous<T>("exists"), conditions)));
        return this;
    }

    /// <summary>Collects the facts of type <typeparamref name="T"/> that satisfy the conditions (matches even when none do).</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="alias">The local variable receiving the collection.</param>
    /// <param name="conditions">Conditions on the facts; they may use variables bound earlier.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression Collect<T>(Expression<Func<IReadOnlyCollection<T>>> alias, params Expression<Func<T, bool>>[] conditions) =>
        Aggregate<T, IReadOnlyCollection<T>>(alias, AggregateKind.Collect, null, conditions);

    /// <summary>Groups the facts of type <typeparamref name="T"/> that satisfy the conditions; matches once per non-empty group.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="alias">The local variable receiving each group.</param>
    /// <param name="key">The grouping key.</param>
    /// <param name="conditions">Conditions on the facts; they may use variables bound earlier.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression GroupBy<T, TKey>(Expression<Func<IGrouping<TKey, T>>> alias, Expression<Func<T, TKey>> key, params Expression<Func<T, bool>>[] conditions) =>
        Aggregate<T, IGrouping<TKey, T>>(alias, AggregateKind.GroupBy, key, conditions);

    /// <summary>Sums a value over the facts of type <typeparamref name="T"/> that satisfy the conditions (zero when none do).</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <typeparam name="TValue">The numeric type summed.</typeparam>
    /// <param name="alias">The local variable receiving the sum.</param>
    /// <param name="value">The value summed.</param>
    /// <param name="conditions">Conditions on the facts; they may use variables bound earlier.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression Sum<T, TValue>(Expression<Func<TValue>> alias, Expression<Func<T, TValue>> value, params Expression<Func<T, bool>>[] conditions)
        where TValue : INumber<TValue> =>
        Aggregate<T, TValue>(alias, AggregateKind.Sum, value, conditions);

    /// <summary>Counts the facts of type <typeparamref name="T"/> that satisfy the conditions.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="alias">The local variable receiving the count.</param>
    /// <param name="conditions">Conditions on the facts; they may use variables bound earlier.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression Count<T>(Expression<Func<int>> alias, params Expression<Func<T, bool>>[] conditions) =>
        Aggregate<T, int>(alias, AggregateKind.Count, null, conditions);

    /// <summary>The least value over the facts of type <typeparamref name="T"/> that satisfy the conditions; no match when none do.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <typeparam name="TValue">The compared type.</typeparam>
    /// <param name="alias">The local variable receiving the minimum.</param>
    /// <param name="value">The value compared.</param>
    /// <param name="conditions">Conditions on the facts; they may use variables bound earlier.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression Min<T, TValue>(Expression<Func<TValue>> alias, Expression<Func<T, TValue>> value, params Expression<Func<T, bool>>[] conditions) =>
        Aggregate<T, TValue>(alias, AggregateKind.Min, value, conditions);

    /// <summary>The greatest value over the facts of type <typeparamref name="T"/> that satisfy the conditions; no match when none do.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <typeparam name="TValue">The compared type.</typeparam>
    /// <param name="alias">The local variable receiving the maximum.</param>
    /// <param name="value">The value compared.</param>
    /// <param name="conditions">Conditions on the facts; they may use variables bound earlier.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression Max<T, TValue>(Expression<Func<TValue>> alias, Expression<Func<T, TValue>> value, params Expression<Func<T, bool>>[] conditions) =>
        Aggregate<T, TValue>(alias, AggregateKind.Max, value, conditions);

    /// <summary>Conditions over variables already bound, such as an aggregate's result (<c>() => total &lt; 4</c>).</summary>
    /// <param name="conditions">Boolean lambdas using bound variables.</param>
    /// <returns>This expression.</returns>
    public LeftHandSideExpression Where(params Expression<Func<bool>>[] conditions)
    {
        _elements.Add(new FilterElement(conditions.Select(c => _rewriter.Rewrite(c, null)).ToArray()));
        return this;
    }

    private LeftHandSideExpression Aggregate<T, TResult>(Expression<Func<TResult>> alias, AggregateKind kind, LambdaExpression? selector, LambdaExpression[] conditions)
    {
        var source = new Declaration($"${kind.ToString().ToLowerInvariant()}{++_anonymous}", typeof(T));
        var element = new AggregateElement(kind, Pattern(source, conditions), selector is null ? null : _rewriter.Rewrite(selector, source));
        var result = _rewriter.Bind(alias, typeof(TResult));
        _elements.Add(new PatternElement(result, [], element));
        return this;
    }

    private PatternElement Pattern(Declaration declaration, LambdaExpression[] conditions) =>
        new(declaration, conditions.Select(c => _rewriter.Rewrite(c, declaration)).ToArray());

    private Declaration Anonymous<T>(string prefix) => new($"${prefix}{++_anonymous}", typeof(T));
}
