using CampaignFlow.Server.Demo;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Server.Tests.Fixtures;

/// <summary>Single-record posts made of the seed units' own logs (definitions/activities).</summary>
public static class SeedPosts
{
    /// <summary>
    /// The activities 番禺区总工会, 绵阳市总工会 and 西关街道 logged from <paramref name="from"/> to the day before
    /// <paramref name="before"/>, one post each, the units interleaved as many offices would send them. Records that
    /// name another record (a re-held meeting, a record about another) are left out: sent at once, either could come
    /// first, which no order of sending fixes.
    /// </summary>
    /// <param name="from">The first day.</param>
    /// <param name="before">The day after the last.</param>
    public static List<SeedPost> Activities(DateOnly from, DateOnly before)
    {
        var units = new (string Unit, string File)[]
        {
            ("panyu-ftu", "panyu-ftu-2014.yaml"),
            ("mianyang-ftu", "mianyang-ftu-2014.yaml"),
            ("weidu-xiguan-street", "weidu-xiguan-street-2014.yaml"),
        };
        var byUnit = units.Select(u => DemoLog.Read(Repository.Path("definitions", "activities", u.File)).Days
            .Where(d => d.Day >= from && d.Day < before)
            .SelectMany(d => d.Records.Select(r => r!.AsObject()))
            .Where(r => r.ContainsKey("activity") && !r.ContainsKey("replaces") && !r.ContainsKey("concerns"))
            .Select(r => new SeedPost(u.Unit, r))
            .ToList()).ToList();
        var posts = new List<SeedPost>();
        for (var i = 0; byUnit.Any(u => i < u.Count); i++)
        {
            posts.AddRange(byUnit.Where(u => i < u.Count).Select(u => u[i]));
        }

        return posts;
    }
}
