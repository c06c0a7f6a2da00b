namespace CampaignFlow.Plans.Text;

/// <summary>
/// One statutory holiday of a year as its notice sets it (2014年国庆节：10月1日至7日放假，9月28日、10月11日上班), kept so
/// that <c>show</c> and <c>diff</c> can name the holidays a plan's working days follow.
/// </summary>
/// <param name="Year">The notice's year.</param>
/// <param name="Name">The holiday's name (国庆节).</param>
/// <param name="Off">The days off, weekend days included.</param>
/// <param name="Workdays">The Saturdays and Sundays worked instead (调休), in order.</param>
public sealed record Holiday(int Year, string Name, DateWindow Off, IReadOnlyList<DateOnly> Workdays)
{
    /// <summary>True when <paramref name="other"/> gives the same days off and the same days worked.</summary>
    /// <param name="other">The holiday of the same year and name in another calendar.</param>
    public bool SameDays(Holiday other) => Off == other.Off && Workdays.SequenceEqual(other.Workdays);
}
