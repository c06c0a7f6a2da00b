using System.ComponentModel;
using CampaignFlow.Plans.Text;

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

    /// <summary>Hours in 半天, when the plan's half day is not half of its working day.</summary>
    [Description("Hours in 半天 (default half of workdayHours): 3 when mornings run 8:30 to 11:30.")]
    public decimal? HalfDayHours { get; init; }

    /// <summary>How long one 学时 (课时) is: 45分钟, 1小时. Amounts in 学时 need it.</summary>
    [Description("How long one 学时 (课时) is, e.g. 45分钟 or 1小时; amounts in 学时 need it.")]
    public Quantity? ClassHour { get; init; }

    /// <summary>The statutory holidays and make-up working days that working days (<c>5个工作日内</c>) follow.</summary>
    [Description("The statutory holidays and 调休 working days: a *.holidays.yaml file relative to the plan, or the years inline. Inherited from the parent plan when not written; without any, working days are Monday to Friday.")]
    public HolidaysSpec? Holidays { get; init; }

    /// <summary>Whether a weekly minimum judges a week in which nobody works; inherited when not written.</summary>
    [Description("A week whose days in the window are all holidays or weekend: counted (judged like any week, the default) or skipped. Inherited from the parent plan when not written.")]
    public HolidayWeeks? HolidayWeeks { get; init; }
}
