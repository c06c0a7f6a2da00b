using System.ComponentModel;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Syntax;

/// <summary>A unit's implementation plan (实施方案) as written in one YAML file.</summary>
[Description("A unit's implementation plan (实施方案) for a campaign.")]
public sealed record PlanDocument : PlanNode
{
    /// <summary>The plan's id, unique across <c>definitions/</c>, e.g. <c>panyu-ftu-2014</c>.</summary>
    [PlanRequired, PlanKey("plan"), Description("The plan's id, unique across definitions/, e.g. panyu-ftu-2014.")]
    public string Id { get; init; } = "";

    /// <summary>The plan's title as in the document.</summary>
    [PlanRequired, Description("The plan's title as in the document.")]
    public string Title { get; init; } = "";

    /// <summary>The plan's version; a running unit stays on the version it started with.</summary>
    [Description("The plan's version (default 1); a running unit stays on the version it started with.")]
    public int Version { get; init; } = 1;

    /// <summary>The source document, e.g. a seed file name or a document number.</summary>
    [Description("The source document, e.g. a document number (番发〔2014〕2号) or a seed file.")]
    public string? Source { get; init; }

    /// <summary>The unit the plan is for; a template names none (see <see cref="Template"/>).</summary>
    [Description("The unit the plan is for (every plan but a template names one).")]
    public UnitSpec Unit { get; init; } = new();

    /// <summary>Makes the plan a template: the kinds of unit below a body that run it, instead of <see cref="Unit"/>.</summary>
    [Description("Makes this plan the template of the units of some kinds below a body (instead of 'unit').")]
    public TemplateSpec? Template { get; init; }

    /// <summary>The plan of the body above, whose mandated actions (规定动作) this plan keeps.</summary>
    [Description("The id of the higher body's plan; its actions are mandated here and may be tightened, never weakened or dropped.")]
    public string? Inherits { get; init; }

    /// <summary>The supervision group (督导组) that approves at gates.</summary>
    [Description("The supervision group (督导组) that reviews at approval gates; reviewers name it as the role 'supervisor'.")]
    public SupervisorSpec? Supervisor { get; init; }

    /// <summary>The campaign's year and window.</summary>
    [PlanRequired, Description("The campaign: its year (for periods written without one) and its window.")]
    public CampaignSpec Campaign { get; init; } = new();

    /// <summary>Time zone and working-day length.</summary>
    [Description("Time zone and working-day length; defaults Asia/Shanghai and 8 hours.")]
    public CalendarSpec? Calendar { get; init; }

    /// <summary>Kinds of unit (for a district-wide plan whose actions apply by kind).</summary>
    [Description("Kinds of unit below this body (区直单位, 街道, 社区, 学校…), by id, with their titles.")]
    public IReadOnlyDictionary<string, string>? UnitKinds { get; init; }

    /// <summary>Focus problems to solve, by unit kind (a district plan) — carried into each unit's plan.</summary>
    [Description("Focus problems (整治重点) by unit kind id; a unit's plan inherits the list for its kind.")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? FocusByUnitKind { get; init; }

    /// <summary>This unit's own focus problems.</summary>
    [Description("This unit's own focus problems (整治重点).")]
    public IReadOnlyList<string>? Focus { get; init; }

    /// <summary>The people of the unit, inline or in a roster file.</summary>
    [Description("The unit's people: a roster file path (relative to this plan) or the roster inline.")]
    public RosterSpec? Roster { get; init; }

    /// <summary>Roles beyond the built-in ones, by id.</summary>
    [Description("Roles beyond the built-in ones (principal, leadership, party-member, department-head, branch-secretary, supervisor), by id.")]
    public IReadOnlyDictionary<string, RoleSpec>? Roles { get; init; }

    /// <summary>Ranks people may hold, beyond the built-in ones.</summary>
    [Description("Ranks beyond the built-in ones (省部级, 厅局级, 县处级, 县级, 乡科级, 科级, 一般干部).")]
    public IReadOnlyList<string>? Ranks { get; init; }

    /// <summary>The kinds of activity units record, by id.</summary>
    [Description("The kinds of activity units record (concentrated-study, talk…), by id, with a Chinese title.")]
    public IReadOnlyDictionary<string, ActivityKindSpec>? Activities { get; init; }

    /// <summary>The kinds of document, with their review chains, by id.</summary>
    [Description("The kinds of document (方案, 对照检查材料…), by id, with their review chains.")]
    public IReadOnlyDictionary<string, DocumentKindSpec>? Documents { get; init; }

    /// <summary>Places the plan knows (contact points, townships…), by id, for activities that name one.</summary>
    [Description("Places the plan knows (contact points, townships, enterprises), by id, with a title and attributes a where can test through an activity attribute that refers to places.")]
    public IReadOnlyDictionary<string, PlaceSpec>? Places { get; init; }

    /// <summary>Ledgers (台账) the unit keeps, by id.</summary>
    [Description("Ledgers (台账) the unit keeps, by id, with the fields each item must carry.")]
    public IReadOnlyDictionary<string, LedgerSpec>? Ledgers { get; init; }

    /// <summary>The phases (环节) in order.</summary>
    [Description("The phases (环节/阶段), in order, each with its window and actions.")]
    public IReadOnlyList<PhaseSpec>? Phases { get; init; }

    /// <summary>Actions over the whole campaign, outside any phase.</summary>
    [Description("Actions that hold over the whole campaign rather than one phase (caps, total span).")]
    public IReadOnlyList<ActionSpec>? Actions { get; init; }
}
