using System.ComponentModel;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Compliance.Logs;

/// <summary>An activity log file: what one unit recorded, for the plan it is checked against (docs/activity-log-format.md).</summary>
public sealed record ActivityLogDocument : PlanNode
{
    /// <summary>The plan the records are checked against.</summary>
    [PlanRequired, Description("The id of the plan these records are checked against.")]
    public string Plan { get; init; } = "";

    /// <summary>The unit that recorded them, when the plan is a template many units run (<c>activities/units/UNIT.yaml</c>).</summary>
    [Description("The id of the unit that recorded them, when the plan is a template that many units run.")]
    public string? Unit { get; init; }

    /// <summary>The records.</summary>
    [Description("What the unit recorded.")]
    public IReadOnlyList<RecordSpec>? Records { get; init; }
}
