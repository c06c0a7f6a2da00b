using System.Text.RegularExpressions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.WebConsole.Text;

namespace CampaignFlow.Server.Tests.Hosting;

/// <summary>
/// The reconciler's line for the operator (issue 17): a unit brought up to date after a crash is said by the server
/// from its catalogue, in Chinese then English, the unit by its name and the next due time in Beijing time.
/// </summary>
public sealed partial class CaughtUpLineTests
{
    [Fact]
    public void A_unit_brought_up_to_date_is_said_in_Chinese_then_English_with_its_name_and_the_next_due_time()
    {
        var due = new DateTimeOffset(2014, 3, 7, 0, 0, 0, TimeSpan.FromHours(8));
        var line = CaughtUpLine.Text(new UnitWatermark("panyu-ftu", RecordedThrough: 12, JudgedThrough: 9, due), "番禺区总工会", ShownTime.Beijing);

        line.ShouldStartWith("番禺区总工会已补齐评判：记录此前评判到第 9 条，现已评判到第 12 条；下次到期：2014年3月7日 00:00（北京时间）");
        var english = line.IndexOf(" Brought 番禺区总工会 (panyu-ftu) up to date", StringComparison.Ordinal);
        english.ShouldBeGreaterThan(0, line);
        line[english..].ShouldContain("next due 7 Mar 2014 00:00 (Beijing time)");
        Words().Matches(line[..english]).ShouldBeEmpty();
    }

    [Fact]
    public void A_unit_with_nothing_left_to_come_due_says_so()
    {
        var line = CaughtUpLine.Text(new UnitWatermark("panyu-ftu", 3, 3, null), null, ShownTime.Beijing);

        line.ShouldContain("panyu-ftu已补齐评判");
        line.ShouldContain("此后没有到期事项");
        line.ShouldEndWith("nothing left to come due");
    }

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Words();
}
