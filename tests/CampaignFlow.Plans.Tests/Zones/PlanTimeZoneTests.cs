using System.Globalization;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Zones;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Zones;

/// <summary>
/// A plan's time zone (issue 17): a machine without time zone data still judges Beijing time as UTC+8, never UTC; any
/// other zone it does not know is a finding at the zone's line and column, in Chinese and English.
/// </summary>
public sealed class PlanTimeZoneTests
{
    private static readonly string Seed = File.ReadAllText(Repository.Path("definitions", "panyu-ftu-2014.yaml"));

    [Fact]
    public void Without_zone_data_Beijing_time_is_UTC_plus_8_and_no_other_zone_is_found()
    {
        static TimeZoneInfo? NoData(string id) => null;

        var beijing = PlanTimeZone.Find("Asia/Shanghai", NoData).ShouldNotBeNull();
        beijing.GetUtcOffset(new DateTime(2014, 3, 7, 12, 0, 0, DateTimeKind.Unspecified)).ShouldBe(TimeSpan.FromHours(8));
        beijing.GetUtcOffset(new DateTime(2014, 7, 7, 12, 0, 0, DateTimeKind.Unspecified)).ShouldBe(TimeSpan.FromHours(8));
        PlanTimeZone.Find("Asia/Urumqi", NoData).ShouldBeNull();
        PlanTimeZone.Of("Asia/Shanghai").GetUtcOffset(new DateTime(2014, 3, 7, 0, 0, 0, DateTimeKind.Unspecified)).ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void The_seed_plans_zone_validates()
    {
        var catalog = PlanCatalog.LoadTexts([new PlanText(Repository.Path("definitions", "panyu-ftu-2014.yaml"), WithZone("Asia/Shanghai"))]);

        catalog.Diagnostics.ShouldNotContain(d => d.Code == "unknown-time-zone");
    }

    [Fact]
    public void An_unknown_zone_is_a_finding_at_its_line_and_column_in_Chinese_and_English()
    {
        var text = WithZone("Asia/Atlantis");
        var catalog = PlanCatalog.LoadTexts([new PlanText(Repository.Path("definitions", "panyu-ftu-2014.yaml"), text)]);

        var finding = catalog.Diagnostics.Where(d => d.Code == "unknown-time-zone").ShouldHaveSingleItem();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("Asia/Atlantis", StringComparison.Ordinal));
        finding.Location.Line.ShouldBe(line + 1);
        finding.Location.Column.ShouldBe(lines[line].IndexOf("Asia/Atlantis", StringComparison.Ordinal) + 1);
        finding.Message(CultureInfo.GetCultureInfo("zh-CN")).ShouldStartWith("未知的时区“Asia/Atlantis”");
        finding.Message(CultureInfo.GetCultureInfo("en")).ShouldStartWith("unknown time zone 'Asia/Atlantis'");
    }

    // The seed plan with its calendar naming a zone.
    private static string WithZone(string zone)
    {
        Seed.ShouldContain("\ncalendar:\n");
        return Seed.Replace("\ncalendar:\n", $"\ncalendar:\n  timeZone: {zone}\n", StringComparison.Ordinal);
    }
}
