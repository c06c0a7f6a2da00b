using CampaignFlow.Plans.Loading;
using CampaignFlow.Server.Hosting;

namespace CampaignFlow.Server.Demo;

/// <summary>
/// The demo's clock: a <see cref="VirtualClock"/> set, before the campaigns start, to the midnight (China
/// Standard Time) that begins the earliest campaign in definitions/, so every phase opens in front of the viewer.
/// </summary>
public static class DemoClock
{
    /// <summary>The offset of the seed plans' time zone (Asia/Shanghai, no daylight saving).</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>A clock at the start of the earliest campaign (today, when no plan is valid).</summary>
    /// <param name="options">The server's options, for the definitions folder.</param>
    public static VirtualClock Create(ServerOptions options)
    {
        var catalog = PlanCatalog.Load([options.DefinitionsPath]);
        var first = catalog.Plans.Values.Select(p => p.Window.Start).DefaultIfEmpty(DateOnly.FromDateTime(DateTime.UtcNow)).Min();
        return new VirtualClock(Midnight(first));
    }

    /// <summary>The midnight that begins <paramref name="day"/> in China.</summary>
    /// <param name="day">The day.</param>
    public static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ChinaOffset);
}
