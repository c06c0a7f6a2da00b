using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Builder;

/// <summary>
/// Builds a <see cref="RuleDefinition"/> from data at run time, for rules that come from configuration rather than
/// from C# classes. Produces the same model as the fluent DSL.
/// </summary>
/// <param name="id">The rule's id, unique within its rule set.</param>
public sealed class RuleBuilder(string id)
{
    private readonly List<string> _tags = [];
    private string? _name;
    private string _description = string.Empty;
    private int _priority;

    /// <summary>The rule's conditions.</summary>
    public LeftHandSideBuilder LeftHandSide { get; } = new();

    /// <summary>The rule's actions.</summary>
    public RightHandSideBuilder RightHandSide { get; } = new();

    /// <summary>Sets the name (the id by default).</summary>
    /// <param name="value">The name.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Name(string value)
    {
        _name = value;
        return this;
    }

    /// <summary>Sets the description.</summary>
    /// <param name="value">The description.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Description(string value)
    {
        _description = value;
        return this;
    }

    /// <summary>Adds tags.</summary>
    /// <param name="values">The tags.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Tags(params string[] values)
    {
        _tags.AddRange(values);
        return this;
    }

    /// <summary>Sets the priority (0 by default; higher fires first).</summary>
    /// <param name="value">The priority.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Priority(int value)
    {
        _priority = value;
        return this;
    }

    /// <summary>Builds the rule definition.</summary>
    /// <returns>An immutable rule definition.</returns>
    public RuleDefinition Build() =>
        new(id, _name ?? id, _description, _tags.ToArray(), _priority, LeftHandSide.Build(), RightHandSide.Build());
}
