using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>The units a supervision group covers: any of a list, kinds (below a body) and a subtree, together.</summary>
public sealed record CoversUnitsSpec : PlanNode
{
    /// <summary>Units by id.</summary>
    [Description("Units by id.")]
    public IReadOnlyList<string>? Units { get; init; }

    /// <summary>Every unit of these kinds (below <see cref="Under"/> when it is given).</summary>
    [Description("Every unit of these kinds (below 'under' when given).")]
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>A body: every unit below it (of <see cref="Kinds"/> when given).</summary>
    [Description("A body: every unit below it (of 'kinds' when given).")]
    public string? Under { get; init; }
}
