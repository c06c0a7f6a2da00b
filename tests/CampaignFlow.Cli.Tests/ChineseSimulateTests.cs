using System.Text.RegularExpressions;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>simulate --lang zh-CN</c> of every seed plan with its demo log reads as Chinese under each violation too (issue
/// 17, item 1): what is missing says its days as 2014年3月7日, its hours as 16 小时 and roles by their titles; only
/// record keys and ids are left in ASCII. <c>--format json</c> keeps the evidence as data.
/// </summary>
public partial class ChineseSimulateTests
{
    public static TheoryData<string> SeedLogs() =>
        [.. Directory.GetFiles(CampaignFlow.Tests.Shared.Repository.Path("definitions", "activities"), "*-20*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SeedLogs))]
    public void What_is_missing_has_no_ISO_day_no_hours_in_h_and_no_role_id(string plan)
    {
        var run = CliRun.Of("simulate", $"definitions/{plan}.yaml", "--activities", $"definitions/activities/{plan}.yaml", "--lang", "zh-CN");
        run.ExitCode.ShouldBeOneOf(0, 1);

        var missing = run.Output.ReplaceLineEndings("\n").Split('\n').Where(l => l.TrimStart().StartsWith("缺少", StringComparison.Ordinal)).ToArray();
        missing.Where(l => IsoDay().IsMatch(l) || HoursInH().IsMatch(l) || l.Contains("leadership", StringComparison.Ordinal)).ShouldBeEmpty(run.Output);
    }

    [Fact]
    public void A_short_stay_and_an_overdue_item_are_said_in_Chinese_and_JSON_keeps_the_data()
    {
        var run = CliRun.Of("simulate", "definitions/anhui-organs-2013.yaml", "--activities", "definitions/activities/anhui-organs-2013.yaml", "--lang", "zh-CN");
        run.Output.ShouldContain("缺少：2013年8月6日 16 小时（research-group-5）");

        run.Output.ShouldContain("2013年工委对机关党委发文 26 个，超过上限（25个）");

        var guangxi = CliRun.Of("simulate", "definitions/guangxi-ftu-2013.yaml", "--activities", "definitions/activities/guangxi-ftu-2013.yaml", "--lang", "zh-CN");
        guangxi.Output.ShouldContain("1 项逾期未完成：“经费管理问题1：意见建议第3条”（2013年12月31日）");
        guangxi.Output.ShouldContain("缺少：经费管理问题1：意见建议第3条（opinion-301，2013年12月31日）");
        guangxi.Output.ShouldNotContain("research-group-9:");
        guangxi.Output.ShouldContain("领导班子成员 0/1");

        var json = CliRun.Of("simulate", "definitions/anhui-organs-2013.yaml", "--activities", "definitions/activities/anhui-organs-2013.yaml", "--lang", "zh-CN", "--format", "json");
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        document.RootElement.GetRawText().ShouldContain("research-group-5 2013-08-06 16 h");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDay();

    [GeneratedRegex(@"\d h\b")]
    private static partial Regex HoursInH();
}
