using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>A ledger (台账) of items the unit tracks, e.g. a rectification ledger (整改台账).</summary>
public sealed record LedgerSpec : PlanNode
{
    /// <summary>The Chinese title, e.g. 整改台账.</summary>
    [PlanRequired, Shorthand, Description("The title, e.g. 整改台账.")]
    public string Title { get; init; } = "";

    /// <summary>Fields every item must carry.</summary>
    [Description("Fields every item must carry, e.g. [item, measure, owner, deadline, status]; deadline and status make overdue items checkable.")]
    public IReadOnlyList<string>? Fields { get; init; }
}
