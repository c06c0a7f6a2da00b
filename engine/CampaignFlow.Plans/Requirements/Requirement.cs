using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>
/// One checkable requirement of a resolved plan (the common part is filled in by the resolver): which action of which plan it comes from, which sentences it
/// encodes, when it applies, and (in the subtype) what it demands, with every period in dates and every time in
/// hours. The rules-definition library compiles each kind into rules.
/// </summary>
public abstract record Requirement
{
    /// <summary>The kind of requirement.</summary>
    public abstract RequirementKind Kind { get; }

    /// <summary>A stable id: the action's id, and the kind when an action yields several requirements.</summary>
    public string Id { get; init; } = "";

    /// <summary>The action it comes from.</summary>
    public string ActionId { get; init; } = "";

    /// <summary>The action's title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The phase it belongs to, or null for a campaign-wide action.</summary>
    public string? PhaseId { get; init; }

    /// <summary>The plan that wrote the action (the parent's id for an inherited, untightened action).</summary>
    public string DefinedIn { get; init; } = "";

    /// <summary>The ids of the sentences it encodes (PY-05…).</summary>
    public IReadOnlyList<string> Source { get; init; } = [];

    /// <summary>Required, or soft (warns; a justified exception closes it).</summary>
    public Severity Severity { get; init; }

    /// <summary>When it applies; judged once the window has closed.</summary>
    public DateWindow Window { get; init; } = new(DateOnly.MinValue, DateOnly.MinValue);

    /// <summary>What it counts.</summary>
    public Subject Subject { get; init; } = new(SubjectKind.Activity, "");

    private Conditions.WhereCondition? _condition;

    /// <summary>Only records with these attribute values count: the plain pairs of its <c>where</c> (all of <see cref="Matching"/> when it has no other form).</summary>
    public IReadOnlyDictionary<string, string> Where { get; init; } = new Dictionary<string, string>();

    /// <summary>Its whole <c>where</c>: the pairs, <c>all</c>/<c>any</c>/<c>not</c> and references; what records are matched by.</summary>
    public Conditions.WhereCondition Matching
    {
        get => _condition ?? Conditions.AllOf.Of(Where);
        init => _condition = value;
    }

    /// <summary>Whom it is counted for.</summary>
    public Scope Scope { get; init; }

    /// <summary>
    /// What it is counted for, one by one: the roster ids of the people (<see cref="Scope.Person"/>), the branch ids
    /// (<see cref="Scope.Branch"/>) or the department ids (<see cref="Scope.Department"/>); empty for the unit.
    /// </summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>
    /// For a body's requirement over the units below it: which units count and how many must meet it; null for a
    /// requirement of the unit that runs the plan.
    /// </summary>
    public AcrossUnits? Across { get; init; }

    /// <summary>Where the action is written.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>
    /// A one-line statement of what is checked, for <c>campaignflow show</c>: a message code and its values. A value
    /// written <c>@word</c> is a word of the format (week, unit, all-pairs…), rendered from the template <c>word-word</c>;
    /// one written <see cref="DayMark"/><c>yyyy-MM-dd</c> a day and one written <see cref="HoursMark"/><c>N</c> hours, as
    /// the reader's language writes them (2014年3月31日, 4 小时).
    /// </summary>
    public abstract (string Code, string[] Arguments) Statement { get; }

    /// <summary>The mark of a <see cref="Statement"/> value that is a day, <c>yyyy-MM-dd</c> after it.</summary>
    public const string DayMark = "#day:";

    /// <summary>The mark of a <see cref="Statement"/> value that is a number of hours after it.</summary>
    public const string HoursMark = "#hours:";
}
