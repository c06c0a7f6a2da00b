using System.Linq.Expressions;
using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Builder;

/// <summary>Builds a rule's conditions from data, in order.</summary>
public sealed class LeftHandSideBuilder
{
    private readonly List<Func<RuleElement>> _elements = [];
    private int _anonymous;

    /// <summary>Adds a pattern binding facts of <paramref name="type"/> to <paramref name="name"/>.</summary>
    /// <param name="type">The fact type.</param>
    /// <param name="name">The declaration name, unique in the rule.</param>
    /// <returns>The pattern's builder, for its conditions.</returns>
    public PatternBuilder Pattern(Type type, string name)
    {
        var pattern = new PatternBuilder(new Declaration(name, type));
        _elements.Add(() => pattern.Build());
        return pattern;
    }

    /// <summary>Adds a condition that no fact of <paramref name="type"/> matches the pattern.</summary>
    /// <param name="type">The fact type.</param>
    /// <param name="name">The name the pattern's conditions use for the candidate fact.</param>
    /// <returns>The pattern's builder, for its conditions.</returns>
    public PatternBuilder Not(Type type, string? name = null)
    {
        var pattern = new PatternBuilder(new Declaration(name ?? $"$not{++_anonymous}", type));
        _elements.Add(() => new NotElement(pattern.Build()));
        return pattern;
    }

    /// <summary>Adds a condition that some fact of <paramref name="type"/> matches the pattern.</summary>
    /// <param name="type">The fact type.</param>
    /// <param name="name">The name the pattern's conditions use for the candidate fact.</param>
    /// <returns>The pattern's builder, for its conditions.</returns>
    public PatternBuilder Exists(Type type, string? name = null)
    {
        var pattern = new PatternBuilder(new Declaration(name ?? $"$exists{++_anonymous}", type));
        _elements.Add(() => new ExistsElement(pattern.Build()));
        return pattern;
    }

    /// <summary>Adds an aggregate over facts of <paramref name="sourceType"/>, bound to <paramref name="resultName"/>.</summary>
    /// <param name="kind">The aggregation.</param>
    /// <param name="resultName">The declaration name of the result.</param>
    /// <param name="sourceType">The type of the aggregated facts.</param>
    /// <param name="sourceName">The name the source conditions and selector use for the aggregated fact.</param>
    /// <returns>The aggregate's builder.</returns>
    public AggregateBuilder Aggregate(AggregateKind kind, string resultName, Type sourceType, string sourceName)
    {
        var aggregate = new AggregateBuilder(kind, resultName, new Declaration(sourceName, sourceType));
        _elements.Add(aggregate.Build);
        return aggregate;
    }

    /// <summary>Adds a condition over declarations already bound.</summary>
    /// <param name="condition">A lambda returning bool, with parameters named like declarations.</param>
    /// <returns>This builder.</returns>
    public LeftHandSideBuilder Filter(LambdaExpression condition)
    {
        _elements.Add(() => new FilterElement([condition]));
        return this;
    }

    internal RuleElement[] Build() => _elements.Select(e => e()).ToArray();
}
