using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.WebConsole.Text;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// What the first judgement after a start says to the operator: on a first start with the README's command the
/// 2013–2014 campaigns are long over and hundreds of violations open at once, which reads like a fault unless the log
/// says which campaigns are over, that the violations are the gaps of empty records (or that the demo data is
/// replaying), and where the console is. Times and days in the server's zone (<see cref="ShownTime"/>; Beijing time unless
/// told otherwise).
/// </summary>
internal static class FirstJudgement
{
    // A province runs hundreds of plans; the operator needs the shape, not the list.
    private const int CampaignsNamed = 8;

    /// <summary>The explanation in <paramref name="culture"/>.</summary>
    /// <param name="service">The running campaigns.</param>
    /// <param name="open">How many violations are open after the first judgement.</param>
    /// <param name="now">The campaigns' clock.</param>
    /// <param name="demo">True when the demo replays the seed logs.</param>
    /// <param name="definitions">The definitions folder (the demo logs are in its <c>activities</c>).</param>
    /// <param name="console">The console's address.</param>
    /// <param name="time">The zone times are shown in.</param>
    /// <param name="culture">Chinese or English.</param>
    public static string Explain(CampaignService service, int open, DateTimeOffset now, bool demo, string definitions, string console, ShownTime time, CultureInfo culture)
    {
        var today = time.DayOf(now);
        var over = service.Units.GroupBy(u => u.PlanId, StringComparer.Ordinal)
            .Select(g => (Units: g.ToArray(), Plan: service.FindPlan(g.Key)))
            .Where(p => p.Plan is not null && p.Plan.Window.End < today)
            .OrderBy(p => p.Plan!.Window.End).ThenBy(p => p.Plan!.Id, StringComparer.Ordinal)
            .ToArray();
        var campaigns = "";
        if (over.Length > 0)
        {
            var named = over.Take(CampaignsNamed).Select(p => ApiProblems.Text("log-campaign-over", culture,
                p.Plan!.Id,
                p.Units.Length == 1 && p.Plan.Template is null ? p.Units[0].Name : ApiProblems.Text("log-units-on-plan", culture, Count(p.Units.Length)),
                ShownTime.Day(p.Plan.Window.End, culture)));
            var more = over.Length > CampaignsNamed ? [ApiProblems.Text("log-more-campaigns", culture, Count(over.Length - CampaignsNamed))] : Array.Empty<string>();
            campaigns = ApiProblems.Text("log-campaigns-over", culture, string.Join(Chinese(culture) ? "；" : "; ", named.Concat(more)));
        }

        var records = demo
            ? ApiProblems.Text("log-demo-loaded", culture, Path.Combine(definitions, "activities"))
            : over.Length > 0 ? ApiProblems.Text("log-empty-records", culture, "--demo") : "";
        return ApiProblems.Text("log-first-judgement", culture,
            time.Moment(now, culture), Count(open), campaigns, records, ApiProblems.Text("log-console", culture, console), ZoneName(time, culture));
    }

    /// <summary>A line of the open count changing, with its moment in the server's zone.</summary>
    /// <param name="now">The campaigns' clock.</param>
    /// <param name="before">Open before.</param>
    /// <param name="after">Open after.</param>
    /// <param name="time">The zone times are shown in.</param>
    /// <param name="culture">Chinese or English.</param>
    public static string OpenChanged(DateTimeOffset now, int before, int after, ShownTime time, CultureInfo culture) =>
        ApiProblems.Text("log-open-changed", culture, time.Moment(now, culture), Count(before), Count(after), ZoneName(time, culture));

    /// <summary>What the zone times are shown in is called in <paramref name="culture"/> (北京时间, or the zone's id).</summary>
    /// <param name="time">The zone.</param>
    /// <param name="culture">Chinese or English.</param>
    public static string ZoneName(ShownTime time, CultureInfo culture) =>
        time.IsBeijing ? ApiProblems.Text("zone-beijing", culture) : ApiProblems.Text("zone-named", culture, time.Zone.Id);

    private static bool Chinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
