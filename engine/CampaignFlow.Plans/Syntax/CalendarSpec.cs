using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>How a plan counts time.</summary>
public sealed record CalendarSpec : PlanNode
{
    /// <summary>The IANA time zone the plan's dates are in.</summary>
    [Description("The IANA time zone of the plan's dates (default Asia/Shanghai).")]
    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>Hours in a working day: 半天 is half of it, 1天 all of it.</summary>
    [Description("Hours in one working day (default 8): 半天 is half of it, 1天 all of it.")]
    public decimal WorkdayHours { get; init; } = 8;
}
