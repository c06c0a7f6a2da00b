using System.Reflection;
using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Fluent;

/// <summary>
/// A rule written in C#: override <see cref="Define"/> and describe it with <see cref="When"/> and <see cref="Then"/>.
/// Metadata comes from <see cref="IdAttribute"/>, <see cref="NameAttribute"/>, <see cref="DescriptionAttribute"/>,
/// <see cref="TagAttribute"/> and <see cref="PriorityAttribute"/>.
/// </summary>
/// <example>
/// <code>
/// protected override void Define()
/// {
///     Order order = null!;
///     When().Match(() => order, o => o.Total > 100);
///     Then().Do(ctx => ctx.Insert(new Discount(order)));
/// }
/// </code>
/// </example>
public abstract class Rule
{
    private RuleDefinition? _definition;
    private LeftHandSideExpression? _when;
    private RightHandSideExpression? _then;

    /// <summary>The rule as plain data, built once from <see cref="Define"/>.</summary>
    /// <returns>The rule definition.</returns>
    public RuleDefinition GetDefinition()
    {
        if (_definition is not null)
        {
            return _definition;
        }

        var rewriter = new ClosureRewriter();
        _when = new LeftHandSideExpression(rewriter);
        _then = new RightHandSideExpression(rewriter);
        Define();
        var type = GetType();
        _definition = new RuleDefinition(
            type.GetCustomAttribute<IdAttribute>()?.Value ?? type.FullName ?? type.Name,
            type.GetCustomAttribute<NameAttribute>()?.Value ?? type.Name,
            type.GetCustomAttribute<DescriptionAttribute>()?.Value ?? string.Empty,
            type.GetCustomAttributes<TagAttribute>().Select(t => t.Value).ToArray(),
            type.GetCustomAttribute<PriorityAttribute>()?.Value ?? 0,
            _when.Elements.ToArray(),
            _then.Actions.ToArray());
        _when = null;
        _then = null;
        return _definition;
    }

    /// <summary>Describes the rule by calling <see cref="When"/> and <see cref="Then"/>.</summary>
    protected abstract void Define();

    /// <summary>The rule's conditions.</summary>
    /// <returns>The left-hand side, to chain conditions on.</returns>
    /// <exception cref="InvalidOperationException">Called outside <see cref="Define"/>.</exception>
    protected LeftHandSideExpression When() =>
        _when ?? throw new InvalidOperationException("When() can only be used inside Define().");

    /// <summary>The rule's actions.</summary>
    /// <returns>The right-hand side, to chain actions on.</returns>
    /// <exception cref="InvalidOperationException">Called outside <see cref="Define"/>.</exception>
    protected RightHandSideExpression Then() =>
        _then ?? throw new InvalidOperationException("Then() can only be used inside Define().");
}
