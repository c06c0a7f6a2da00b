namespace CampaignFlow.Plans.Syntax;

/// <summary>What a weekly minimum asks of a week in which nobody works (its days in the window all holidays or weekend).</summary>
public enum HolidayWeeks
{
    /// <summary>The week is judged like any other: 每周 means every week of the calendar.</summary>
    Counted,

    /// <summary>The week is not judged: 每周 means every week in which people work.</summary>
    Skipped,
}
