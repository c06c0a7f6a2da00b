using Xunit.Abstractions;
using System.Diagnostics;
using System.Text;

namespace CampaignFlow.Campaigns.Tests.Bodies;

public sealed class AcrossUnitsProbe(ITestOutputHelper output)
{
    [Theory(Skip = "probe: per-recording time of a body over N units; run by hand")]
    [InlineData(100, true)]
    [InlineData(200, true)]
    [InlineData(800, true)]
    [InlineData(800, false)]
    public async Task Probe(int units, bool across)
    {
        var dir = Directory.CreateTempSubdirectory("probe-").FullName;
        File.WriteAllText(Path.Combine(dir, "d.yaml"), """
            plan: weidu-district-2014
            title: 区委
            unit: { id: weidu-district, name: 中共魏都区委, kind: district-committee }
            campaign:
              year: 2014
              window: 3月-9月
            unitKinds:
              district-committee: 区委
              street: 街道
            activities:
              mass-evaluation: 群众评价
            phases:
              - id: study
                title: 学习
                window: 3月-8月
                actions:
                  - id: weekly
                    title: 各单位每周开展群众评价
                    activity: mass-evaluation
                    every: week
                    atLeast: 1次
                    acrossUnits: 50%
            """.Replace("acrossUnits: 50%", across ? "acrossUnits: 50%" : "") + "\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(dir, "t.yaml"), """
            plan: weidu-units-2014
            title: 模板
            inherits: weidu-district-2014
            template:
              appliesTo: [street]
            campaign:
              year: 2014
              window: 3月-9月
            """ + "\n", new UTF8Encoding(false));
        Directory.CreateDirectory(Path.Combine(dir, "organisation"));
        var csv = new StringBuilder("id,name,kind,parent\nweidu-district,中共魏都区委,district-committee,\n");
        for (var i = 0; i < units; i++) csv.Append($"s{i:D5},街道{i},street,weidu-district\n");
        File.WriteAllText(Path.Combine(dir, "organisation", "u.units.csv"), csv.ToString(), new UTF8Encoding(false));

        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), dir);
        await using var service = await h.StartAsync(maxSessions: 100000);
        service.LoadProblems.ShouldBeEmpty();
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < units; i++)
        {
            await AcrossUnitsReviewTests.RecordAsync(service, $"s{i:D5}", "- { key: e1, activity: mass-evaluation, on: 2014-03-05 }");
        }
        output.WriteLine($"{units} units across={across}: {watch.ElapsedMilliseconds} ms, {watch.ElapsedMilliseconds * 1000.0 / units:F0} us per recording");
        Directory.Delete(dir, true);
    }
}
