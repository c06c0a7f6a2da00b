using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// Who must have met whom, or which values must all occur: every pair of a set (<c>pairs</c>), each of one set
/// with each of another (<c>each</c> + <c>with</c>: a star or a relation), or every listed value of an attribute.
/// </summary>
public sealed record CoverageSpec : PlanNode
{
    /// <summary>Every pair of these people, in either order.</summary>
    [Description("Every pair of these people must share an activity (班子成员之间相互谈心).")]
    public PeopleSelector? Pairs { get; init; }

    /// <summary>Each of these people…</summary>
    [Description("Each of these people (with 'with'): 党组书记分别与班子成员谈心 is each: principal, with: leadership.")]
    public PeopleSelector? Each { get; init; }

    /// <summary>…with each of these.</summary>
    [Description("…must share an activity with each of these; a relation picks them per person.")]
    public PeopleSelector? With { get; init; }

    /// <summary>An attribute of the activity whose values must all occur.</summary>
    [Description("An attribute of the activity whose listed values must all occur, e.g. theme or stakeholder.")]
    public string? Attribute { get; init; }

    /// <summary>The values that must all occur.</summary>
    [Description("The values of 'attribute' that must all occur.")]
    public IReadOnlyList<string>? Values { get; init; }
}
