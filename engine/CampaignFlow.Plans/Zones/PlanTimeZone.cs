namespace CampaignFlow.Plans.Zones;

/// <summary>
/// The time zone a plan's days are judged in (<c>calendar.timeZone</c>). A machine without time zone data (a slim
/// container) still knows Beijing time: China keeps UTC+8 all year, so Asia/Shanghai needs no data. Any other zone
/// the machine does not know is an error of the plan (<c>unknown-time-zone</c>, at the zone's line and column), never
/// judged in UTC instead.
/// </summary>
public static class PlanTimeZone
{
    /// <summary>The zone of the seeds and the default of the plan format.</summary>
    public const string Beijing = "Asia/Shanghai";

    private static readonly TimeZoneInfo FixedBeijing = TimeZoneInfo.CreateCustomTimeZone(Beijing, TimeSpan.FromHours(8), Beijing, Beijing);

    /// <summary>The zone of an IANA (or Windows) id; null when this machine knows no such zone and it is not Beijing time.</summary>
    /// <param name="id">The zone's id, e.g. Asia/Shanghai.</param>
    public static TimeZoneInfo? Find(string? id) => Find(id, System);

    /// <summary>
    /// The zone a resolved plan is judged in. Plan validation refuses a zone <see cref="Find(string?)"/> does not
    /// know, so a plan that runs always has one; Beijing time is the answer for one that did not go through it.
    /// </summary>
    /// <param name="id">The plan's <c>calendar.timeZone</c>.</param>
    public static TimeZoneInfo Of(string? id) => Find(id) ?? Find(Beijing)!;

    /// <summary>As <see cref="Find(string?)"/>, with the machine's zones given by <paramref name="system"/>.</summary>
    /// <param name="id">The zone's id.</param>
    /// <param name="system">The machine's zone of an id, or null.</param>
    internal static TimeZoneInfo? Find(string? id, Func<string, TimeZoneInfo?> system)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var trimmed = id.Trim();
        return system(trimmed) ?? (string.Equals(trimmed, Beijing, StringComparison.Ordinal) ? FixedBeijing : null);
    }

    private static TimeZoneInfo? System(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
