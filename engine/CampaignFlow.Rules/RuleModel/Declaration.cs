using System.Linq.Expressions;

namespace CampaignFlow.Rules.RuleModel;

/// <summary>
/// A named variable of a rule: the fact matched by a pattern, or the result of an aggregate.
/// Conditions and actions refer to declarations by giving their lambda parameters the same name.
/// </summary>
/// <param name="Name">The variable's name, unique within the rule.</param>
/// <param name="Type">The type of the value bound to the variable.</param>
public sealed record Declaration(string Name, Type Type)
{
    /// <summary>Creates a parameter expression with this declaration's name and type, for building conditions and actions from data.</summary>
    /// <returns>A new <see cref="ParameterExpression"/> named after the declaration.</returns>
    public ParameterExpression ToParameter() => Expression.Parameter(Type, Name);
}
