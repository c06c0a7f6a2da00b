namespace CampaignFlow.Plans.Text;

/// <summary>A resolved window of whole days, both ends included.</summary>
/// <param name="Start">The first day.</param>
/// <param name="End">The last day.</param>
public sealed record DateWindow(DateOnly Start, DateOnly End)
{
    /// <summary>True when <paramref name="other"/> lies wholly inside this window.</summary>
    /// <param name="other">The window to test.</param>
    public bool Contains(DateWindow other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two windows share at least one day.</summary>
    /// <param name="other">The other window.</param>
    public bool Overlaps(DateWindow other) => other.Start <= End && Start <= other.End;

    /// <summary>Number of days in the window, both ends included.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>ISO form, <c>2014-02-11..2014-04-30</c>.</summary>
    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
