using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>One year's holidays, as one State Council notice (国务院办公厅关于…年部分节假日安排的通知) sets them.</summary>
public sealed record HolidayYearSpec : PlanNode
{
    /// <summary>The year; the holidays' days are read in it (春节：2月9日至15日).</summary>
    [PlanRequired, Description("The year: the days of its holidays are read in it.")]
    public int Year { get; init; }

    /// <summary>The notice the days come from, for whoever checks them.</summary>
    [Description("The notice the days come from (国办发明电〔2013〕28号).")]
    public string? Notice { get; init; }

    /// <summary>The holidays of the year.</summary>
    [Description("The holidays: each its name, the days off and the weekend days worked instead.")]
    public IReadOnlyList<HolidaySpec>? Holidays { get; init; }
}
