using System.Linq.Expressions;
using CampaignFlow.Rules.Compilation;
using CampaignFlow.Rules.Diagnostics;

namespace CampaignFlow.Rules.Explaining;

/// <summary>
/// One term of a rule's condition, compiled for explaining: the earlier declarations read from an array of bound values
/// by position, the candidate fact passed apart. Built from the rule definition, never from the network's nodes, so
/// the explanation does not depend on how the nodes keep their memories.
/// </summary>
internal sealed class ExplainedTerm
{
    private readonly Func<object?[], object?, bool> _test;

    private ExplainedTerm(string text, bool namesOthers, Func<object?[], object?, bool> test)
    {
        Text = text;
        NamesOthers = namesOthers;
        _test = test;
    }

    /// <summary>The term as written.</summary>
    public string Text { get; }

    /// <summary>Whether the term names a declaration other than the candidate's (it belongs to a beta node, not the alpha chain).</summary>
    public bool NamesOthers { get; }

    /// <summary>Splits <paramref name="condition"/> on its top-level <c>&amp;&amp;</c> as the network builder does.</summary>
    /// <param name="ruleId">The rule, for errors.</param>
    /// <param name="condition">A boolean lambda.</param>
    /// <param name="self">The candidate's declaration name, or <c>null</c> for a filter.</param>
    /// <param name="scope">The declarations bound before, in order: their positions in the bound values.</param>
    /// <returns>The terms, in the order written.</returns>
    public static IEnumerable<ExplainedTerm> Of(string ruleId, LambdaExpression condition, string? self, IReadOnlyList<string> scope) =>
        Conjunct.Split(condition).Select(conjunct => Compile(ruleId, conjunct, self, scope));

    /// <summary>A filter's condition whole, as its one filter node tests it.</summary>
    /// <param name="ruleId">The rule, for errors.</param>
    /// <param name="condition">A boolean lambda over earlier declarations.</param>
    /// <param name="scope">The declarations bound before, in order.</param>
    /// <returns>One term.</returns>
    public static ExplainedTerm Whole(string ruleId, LambdaExpression condition, IReadOnlyList<string> scope) =>
        Compile(ruleId, new Conjunct(condition.Body, ParameterUse.Of(condition.Body, condition.Parameters)), null, scope);

    private static ExplainedTerm Compile(string ruleId, Conjunct conjunct, string? self, IReadOnlyList<string> scope)
    {
        var values = Expression.Parameter(typeof(object[]), "values");
        var candidate = Expression.Parameter(typeof(object), "candidate");
        var replacements = new Dictionary<ParameterExpression, Expression>();
        foreach (var parameter in conjunct.Parameters)
        {
            if (parameter.Name == self)
            {
                replacements[parameter] = Expression.Convert(candidate, parameter.Type);
                continue;
            }

            var position = LastIndexOf(scope, parameter.Name!);
            if (position < 0)
            {
                throw new RuleCompilationException(ruleId, $"'{parameter.Name}' is not declared before it is used.");
            }

            replacements[parameter] = Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(position)), parameter.Type);
        }

        var body = ParameterReplacer.Replace(conjunct.Body, replacements);
        var test = DelegateCompiler.Compile(Expression.Lambda<Func<object?[], object?, bool>>(body, values, candidate));
        return new ExplainedTerm(conjunct.Body.ToString(), conjunct.Parameters.Any(p => p.Name != self), test);
    }

    private static int LastIndexOf(IReadOnlyList<string> scope, string name)
    {
        for (var i = scope.Count - 1; i >= 0; i--)
        {
            if (scope[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Tests the term on bound values and a candidate.</summary>
    /// <param name="values">The values of the declarations bound before, by position.</param>
    /// <param name="candidate">The candidate fact, or <c>null</c> for a filter.</param>
    /// <param name="ruleId">The rule, for errors.</param>
    /// <exception cref="RuleConditionException">The term threw.</exception>
    public bool Holds(object?[] values, object? candidate, string ruleId)
    {
        try
        {
            return _test(values, candidate);
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw RuleConditionException.Create(ruleId, Text, [.. values.OfType<object>(), .. candidate is null ? Array.Empty<object>() : [candidate]], ex);
        }
    }
}
