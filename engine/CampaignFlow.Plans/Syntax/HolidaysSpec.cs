using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// The statutory holidays and make-up working days (调休) a plan's working days follow, year by year; inline or in a
/// file of their own (<c>*.holidays.yaml</c>) that a user extends when the State Council publishes the next year's.
/// </summary>
[Description("Statutory holidays and make-up working days (调休), year by year; inline or in a *.holidays.yaml file.")]
public sealed record HolidaysSpec : PlanNode
{
    /// <summary>A holidays file, relative to the plan, holding the rest of this mapping.</summary>
    [Shorthand, Description("A holidays file (*.holidays.yaml), relative to the plan; it holds the years.")]
    public string? File { get; init; }

    /// <summary>The years, each as its notice gives them.</summary>
    [Description("The years, each with the notice it comes from and its holidays.")]
    public IReadOnlyList<HolidayYearSpec>? Years { get; init; }
}
