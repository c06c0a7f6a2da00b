using System.ComponentModel;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Syntax;

/// <summary>A phase (环节/阶段) with its window and actions; it may hold links (sub-phases) of its own.</summary>
public sealed record PhaseSpec : PlanNode
{
    /// <summary>The phase's id, unique in the plan.</summary>
    [PlanRequired, Description("The phase's id, unique in the plan, e.g. study.")]
    public string Id { get; init; } = "";

    /// <summary>The phase's title as in the document.</summary>
    [PlanRequired, Description("The title as in the document, e.g. 学习教育、听取意见.")]
    public string Title { get; init; } = "";

    /// <summary>When the phase runs; a sub-phase without one runs through its parent's window.</summary>
    [Description("When the phase runs, e.g. 2月中下旬-4月下旬; a sub-phase without one runs through its parent's window.")]
    public Period? Window { get; init; }

    /// <summary>Ids of the sentences this window encodes.</summary>
    [Description("Ids of the sentences this phase encodes (SEED-REQUIREMENTS ids such as PY-02).")]
    public IReadOnlyList<string>? Source { get; init; }

    /// <summary>Actions or phases this phase follows, judged by the order of the records (动员会后…) rather than by dates.</summary>
    [Description("Ids of actions or phases this phase follows (动员会后…): each of its actions starts after the first record of each; a top-level phase with 'after' needs no window.")]
    public IReadOnlyList<string>? After { get; init; }

    /// <summary>True when the links of this phase follow one another in the order written, by the order of the records.</summary>
    [Description("True when this phase's links follow one another in the order written (依次): each link's actions start after the previous link's first record.")]
    public bool InOrder { get; init; }

    /// <summary>True when this phase may overlap the phases beside it.</summary>
    [Description("True when this phase may overlap its neighbours; otherwise phases must follow one another.")]
    public bool Overlaps { get; init; }

    /// <summary>Links inside this phase (具体实施 holding 学习教育, 查摆问题, 整改落实).</summary>
    [Description("Links (sub-phases) inside this phase; their windows must lie inside it.")]
    public IReadOnlyList<PhaseSpec>? Phases { get; init; }

    /// <summary>The phase's required actions.</summary>
    [Description("The phase's required actions (规定动作) and own actions (自选动作).")]
    public IReadOnlyList<ActionSpec>? Actions { get; init; }
}
