using System.Globalization;

namespace CampaignFlow.Compliance.Timing;

/// <summary>
/// A period that closes on a day a record sets rather than the plan: the day a reviewer gives for re-doing a returned
/// document, or an examiner for re-taking a failed test (<c>due:</c>/<c>within:</c>). Its re-work is judged from the day
/// after, as a period of its own labelled <c>due 2014-05-26</c>, instead of waiting for the action's window to close.
/// </summary>
public static class RunTimeDeadline
{
    private const string Prefix = "due ";

    /// <summary>The period's label for a deadline on <paramref name="day"/>.</summary>
    /// <param name="day">The day set.</param>
    public static string Label(DateOnly day) => Prefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="period"/> is a run-time period's label.</summary>
    /// <param name="period">A period label.</param>
    public static bool IsLabel(string period) => period?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The day a run-time period closes on, or null for a period of the plan's schedule.</summary>
    /// <param name="due">A closed period.</param>
    public static DateOnly? Of(Due due)
    {
        ArgumentNullException.ThrowIfNull(due);
        return due.Period.StartsWith(Prefix, StringComparison.Ordinal)
               && DateOnly.TryParseExact(due.Period[Prefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
    }
}
