using System.ComponentModel;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// A required action of a plan: what it concerns (an activity, a document, a publication, a ledger, each
/// occurrence of an activity, or the campaign's span) and the constraints on it. Each constraint becomes one
/// checkable requirement.
/// </summary>
public sealed record ActionSpec : PlanNode
{
    /// <summary>The action's id, unique in the plan; a child plan tightens a mandated action by repeating its id.</summary>
    [PlanRequired, Description("The action's id, unique in the plan; a child plan tightens an inherited action by repeating its id.")]
    public string Id { get; init; } = "";

    /// <summary>The action's title as in the document.</summary>
    [Description("The title as in the document, e.g. 每周集中学习.")]
    public string? Title { get; init; }

    /// <summary>Ids of the sentences this action encodes.</summary>
    [Description("Ids of the sentences this action encodes (SEED-REQUIREMENTS ids such as PY-05).")]
    public IReadOnlyList<string>? Source { get; init; }

    /// <summary>required (default) or soft (原则上/一般: warns, and accepts a justified exception).</summary>
    [Description("required (default), or soft for 原则上/一般: a miss warns and a recorded, justified exception closes it.")]
    public Severity Severity { get; init; } = Severity.Required;

    /// <summary>A note for readers.</summary>
    [Description("A note for readers of the plan.")]
    public string? Note { get; init; }

    /// <summary>The kind of activity the action requires.</summary>
    [Description("The activity kind this action requires (an id of 'activities').")]
    public string? Activity { get; init; }

    /// <summary>The kind of document the action requires.</summary>
    [Description("The document kind this action requires (an id of 'documents'); with approvedBy or the kind's reviewChain it is an approval gate.")]
    public string? Document { get; init; }

    /// <summary>A document kind that must be published.</summary>
    [Description("A document kind that must be published (公示/公布), to the audience in 'to'.")]
    public string? Publish { get; init; }

    /// <summary>A ledger that must be kept, its overdue items checked.</summary>
    [Description("A ledger (an id of 'ledgers') that must be kept; items past their deadline and not done are violations.")]
    public string? Ledger { get; init; }

    /// <summary>With <c>ledger</c>: how its items must add up by a field (保留16项、废止4项、修订完善37项).</summary>
    [Description("With 'ledger': how many items must have each value of a field: { field: decision, counts: { 保留: 16项 } }.")]
    public TallySpec? Tally { get; init; }

    /// <summary>An activity kind each occurrence of which creates an obligation.</summary>
    [Description("An activity kind: each occurrence obliges each participant selected by perParticipant to do this action ('within' after it).")]
    public string? ForEach { get; init; }

    /// <summary>The minimum span from the first to the last activity (集中教育时间不少于3个月).</summary>
    [Description("The minimum span from the unit's first to its last recorded activity, e.g. 3个月.")]
    public Quantity? SpanAtLeast { get; init; }

    /// <summary>unit (default), person, branch or department.</summary>
    [Description("Whom it is counted for: unit (default), person (each of 'who'), branch or department.")]
    public Scope? Per { get; init; }

    /// <summary>The people it is counted for, with per: person.</summary>
    [Description("The people it applies to (with per: person), e.g. leadership.")]
    public PeopleSelector? Who { get; init; }

    /// <summary>The period it recurs over: week, month, quarter or year.</summary>
    [Description("The period it is counted over, again and again through the window: week, month, quarter, year.")]
    public Recurrence? Every { get; init; }

    /// <summary>The minimum: a time (半天), a count (4次) or an amount of 'sum'.</summary>
    [PlanKey("atLeast"), Description("The minimum: working time (半天, 4小时), a count (4次, 20场), or an amount of 'sum' (1200名).")]
    public Quantity? AtLeast { get; init; }

    /// <summary>The maximum (a cap: 每年发文不超过25个).</summary>
    [PlanKey("atMost"), Description("The maximum (a cap): 25个, 2次.")]
    public Quantity? AtMost { get; init; }

    /// <summary>Exactly this many.</summary>
    [Description("Exactly this many, e.g. 1次 (召开一次专题民主生活会).")]
    public Quantity? Exactly { get; init; }

    /// <summary>The minimum of each occurrence: a duration (会议时间不少于1天), or with <c>sum</c> a count of an attribute (每组走访10户).</summary>
    [PlanKey("eachAtLeast"), Description("The minimum of each occurrence: a duration (1天, 2天), or with 'sum' a count of that attribute (10户).")]
    public Quantity? EachAtLeast { get; init; }

    /// <summary>The minimum per person on average, over the people of <c>who</c> (班子成员人均谈心35人次).</summary>
    [PlanKey("averageAtLeast"), Description("The minimum per person on average over the people of 'who', counting each occurrence for every one of them who took part: 35人次.")]
    public Quantity? AverageAtLeast { get; init; }

    /// <summary>Different minimums for people of some ranks (县级 4小时, others 8小时).</summary>
    [PlanKey("byRank"), Description("A different minimum for people of a rank, replacing atLeast for them: { 县级: 4小时 }.")]
    public IReadOnlyDictionary<string, Quantity>? ByRank { get; init; }

    /// <summary>An attribute of the activity to sum instead of counting or timing it.</summary>
    [Description("An attribute of the activity to add up instead of counting occurrences (trainees, opinions, characters).")]
    public string? Sum { get; init; }

    /// <summary>When it must happen, when not the phase's window.</summary>
    [Description("When it must happen, when not the whole phase window, e.g. 2月中旬.")]
    public Period? Window { get; init; }

    /// <summary>A deadline: <c>2月28日前</c>, <c>2014-02-28</c>.</summary>
    [Description("A deadline, e.g. 2月28日前 or 2014-02-28.")]
    public Period? By { get; init; }

    /// <summary>Actions that must be done before this one.</summary>
    [Description("Ids of actions that must be done before this one (动员大会结束后…).")]
    public IReadOnlyList<string>? After { get; init; }

    /// <summary>Actions each occurrence of this one must follow with an occurrence of their own (a resubmitted report, a new trip).</summary>
    [Description("Ids of actions each occurrence of this one must follow with an occurrence of its own, never one an earlier occurrence used (重新进行调研: a resubmitted report after a new trip, after the return).")]
    public IReadOnlyList<string>? EachAfter { get; init; }

    /// <summary>Actions this one must come before.</summary>
    [Description("Ids of actions this one must come before (召开民主生活会前…).")]
    public IReadOnlyList<string>? Before { get; init; }

    /// <summary>How soon after 'after' (or after the end of each occurrence, with forEach) it must happen.</summary>
    [Description("How soon after the actions in 'after' (or the end of each occurrence, with forEach) it must happen: 一周, 3天 (calendar days), 5个工作日 (working days).")]
    public Quantity? Within { get; init; }

    /// <summary>The time of day each occurrence must start at.</summary>
    [PlanKey("at")]
    [Description("The time of day each occurrence must start at (下午3点召开): 15:00, 下午3点; records must give their time (at: 2014-03-07 15:00).")]
    public TimeOfDay? StartsAt { get; init; }

    /// <summary>Only activities whose attributes have these values count.</summary>
    [Description("Only activities with these attribute values count, e.g. { includesCriticism: true }; combined with all: [...], any: [...] and not: {...}, and through an attribute that names a place, that place's attributes: { place: { kind: township } }.")]
    public Requirements.Conditions.WhereCondition? Where { get; init; }

    /// <summary>Who must have met whom, or which values must all occur.</summary>
    [Description("Coverage: pairs of people, each of one set with each of another, or all values of an attribute.")]
    public CoverageSpec? Covers { get; init; }

    /// <summary>Everyone who must attend each occurrence.</summary>
    [Description("Everyone who must take part (每名党员都要参加): a role or a selector.")]
    public PeopleSelector? AttendedBy { get; init; }

    /// <summary>The share of those <see cref="AttendedBy"/> selects who must attend each occurrence (参学率); everyone when absent.</summary>
    [Description("参学率: the share of the people attendedBy selects who must attend each occurrence, e.g. 95% (default: every one of them).")]
    public Fraction? AttendanceRate { get; init; }

    /// <summary>How many people of each role must attend, including people from outside the unit.</summary>
    [Description("How many of each role must attend each occurrence, including outside roles: { supervisor: 1人, upper-discipline: 1人 } (at least), { leadership: { exactly: 5人 } }.")]
    public IReadOnlyDictionary<string, AttendanceSpec>? Attendance { get; init; }

    /// <summary>The roles that must approve the document, in order.</summary>
    [Description("Roles that must approve the document, in order; replaces the document kind's reviewChain.")]
    public IReadOnlyList<string>? ApprovedBy { get; init; }

    /// <summary>The audience of a publication.</summary>
    [Description("Whom 'publish' publishes to: unit, branch, public or superior.")]
    public Audience? To { get; init; }

    /// <summary>When the action must be done again.</summary>
    [Description("When it must be done again: unsatisfied >= 1/3, returned, failed.")]
    public ReworkCondition? RedoWhen { get; init; }

    /// <summary>With forEach: which participants of each occurrence carry the obligation.</summary>
    [Description("With forEach: the participants of each occurrence who carry the obligation, e.g. leadership.")]
    public PeopleSelector? PerParticipant { get; init; }

    /// <summary>In a district-wide plan: the kinds of unit the action applies to.</summary>
    [Description("In a plan for many units: the unit kinds this action applies to (default all).")]
    public IReadOnlyList<string>? AppliesTo { get; init; }

    /// <summary>In a body's plan: a requirement over the units below the body, not for the body itself.</summary>
    [Description("In a body's plan: the units below must do it, every one or a share, judged for the body: { kinds: [street], share: 80%, afterBody: 10天 }.")]
    public AcrossUnitsSpec? AcrossUnits { get; init; }
}
