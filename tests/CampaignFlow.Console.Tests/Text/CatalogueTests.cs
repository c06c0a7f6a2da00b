using System.Text.RegularExpressions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Text;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Console.Tests.Text;

/// <summary>
/// Every word a page asks for is in WebConsole/Text/messages.yaml (a missing code would show as "code: values"), and
/// the catalogue holds no word nobody asks for.
/// </summary>
public sealed partial class CatalogueTests
{
    // Codes built at run time from a value: the prefix and every value it can take.
    private static readonly string[] Built =
    [
        .. Enum.GetNames<AccessRole>().Select(r => "role-" + r.ToLowerInvariant()),
        .. Enum.GetNames<ViolationEventKind>().Select(k => "history-" + k.ToLowerInvariant()),
        .. new[] { "400", "403", "404" }.Select(s => "status-" + s),
        .. new[] { "pending", "open", "closed" }.Select(s => "phase-" + s),
        .. new[] { "open", "awaiting-approval", "awaiting-evaluation", "rework" }.Select(s => "action-" + s),
    ];

    [Fact]
    public void Every_code_the_pages_use_is_in_the_catalogue_and_every_code_there_is_used()
    {
        var folder = Repository.Path("hosts", "CampaignFlow.Server", "WebConsole");
        var written = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Code().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var used = written.Concat(Built).ToHashSet(StringComparer.Ordinal);
        var known = ConsoleText.Codes.ToHashSet(StringComparer.Ordinal);

        used.Except(known).ShouldBeEmpty("codes the pages use that messages.yaml lacks");
        known.Except(used).ShouldBeEmpty("codes of messages.yaml no page uses");
    }

    [Fact]
    public void Days_are_written_the_chinese_way_in_chinese_and_the_english_way_in_english()
    {
        var day = new DateOnly(2014, 3, 7);
        ShownTime.Day(day, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("2014年3月7日");
        ShownTime.Day(day, System.Globalization.CultureInfo.InvariantCulture).ShouldBe("7 Mar 2014");
        // 16:30 UTC is half past midnight the next day in Beijing.
        ShownTime.Beijing.Moment(new DateTimeOffset(2014, 3, 7, 16, 30, 0, TimeSpan.Zero), System.Globalization.CultureInfo.GetCultureInfo("zh-CN"))
            .ShouldBe("2014年3月8日 00:30");
    }

    [Fact]
    public void Moments_are_shown_in_the_zone_the_server_is_given_and_an_unknown_zone_is_refused()
    {
        var moment = new DateTimeOffset(2014, 3, 7, 16, 30, 0, TimeSpan.Zero);
        ShownTime.For("Asia/Shanghai").ShouldBeSameAs(ShownTime.Beijing);
        // Xinjiang's own time, two hours behind Beijing.
        ShownTime.For("Asia/Urumqi")!.Moment(moment, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("2014年3月7日 22:30");
        ShownTime.For("UTC")!.DayOf(moment).ShouldBe(new DateOnly(2014, 3, 7));
        ShownTime.Beijing.DayOf(moment).ShouldBe(new DateOnly(2014, 3, 8));
        ShownTime.For("Mars/Olympus_Mons").ShouldBeNull();
        ShownTime.For("").ShouldBeNull();
    }

    [GeneratedRegex("""\bT\("([a-z0-9-]+)"[,)]""")]
    private static partial Regex Code();
}
