using System.ComponentModel;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Compliance.Logs;

/// <summary>An activity log file: what one unit recorded, for the plan it is checked against (docs/activity-log-format.md).</summary>
public sealed record ActivityLogDocument : PlanNode
{
    /// <summary>The plan the records are checked against.</summary>
    [PlanRequired, Description("The id of the plan these records are checked against.")]
    public string Plan { get; init; } = "";

    /// <summary>The records.</summary>
    [Description("What the unit recorded.")]
    public IReadOnlyList<RecordSpec>? Records { get; init; }
}
