using System.Text.RegularExpressions;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>show --lang zh-CN</c> of every seed plan reads as Chinese (issue 17, items 2 and 4): a requirement names its
/// attributes, a ledger's fields, the roles that attend and the actions an order or a gate names by their Chinese
/// words, lists with 、, Beijing time by its name. What is left in ASCII is what a reader or a tool looks up by: ids
/// (the action and phase column, hyphenated ids, file paths) and the values a plan itself lists in ASCII.
/// </summary>
public partial class ChineseShowTests
{
    private static readonly PlanCatalog Seeds = PlanCatalog.Load([Repository.Path("definitions")]);

    public static TheoryData<string> SeedPlans() =>
        [.. Directory.GetFiles(Repository.Path("definitions"), "*-20*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SeedPlans))]
    public void A_seed_plan_shown_in_Chinese_has_no_English_words(string plan)
    {
        var run = CliRun.Of("show", $"definitions/{plan}.yaml", "--lang", "zh-CN");
        run.ExitCode.ShouldBe(0, run.Error);

        var words = run.Output.ReplaceLineEndings("\n").Split('\n')
            .Select(line => Ids().Replace(Paths().Replace(IdColumn().Replace(line, ""), ""), ""))
            .SelectMany(line => EnglishWords().Matches(line).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        words.ShouldBeEmpty(run.Output);
    }

    [Fact]
    public void Ledger_fields_attendance_roles_and_gated_actions_are_said_by_their_names()
    {
        var anhui = CliRun.Of("show", "definitions/anhui-organs-2013.yaml", "--lang", "zh-CN").Output;
        anhui.ShouldContain("建立台账“整改任务书”，条目含意见、措施、责任人、完成时限、状态，无逾期");
        anhui.ShouldContain("集中调研走访（驻村）出席：领导班子成员不少于 1 人");
        anhui.ShouldContain("按处理方式统计：保留 16、废止 4、修订完善 37");
        anhui.ShouldContain("北京时间");

        var mianyang = CliRun.Of("show", "definitions/mianyang-ftu-2014.yaml", "--lang", "zh-CN").Output;
        mianyang.ShouldContain("须经督导组成员审核后方可进行“动员大会”");
        mianyang.ShouldContain("民主评议在“动员大会”之后进行");
        mianyang.ShouldNotContain("“mobilization”");

        CliRun.Of("show", "definitions/panyu-ftu-2014.yaml", "--lang", "zh-CN").Output.ShouldContain("专题民主生活会在不满意票达到三分之一时须重新进行");
    }

    [Fact]
    public void Coverage_values_written_as_ids_are_said_by_their_titles_and_parents_by_name_or_as_an_id()
    {
        var panyu = CliRun.Of("show", "definitions/panyu-ftu-2014.yaml", "--lang", "zh-CN").Output;
        var channels = Seeds.Plans["panyu-ftu-2014"].Vocabulary.Activities["opinion-channel"];
        panyu.ShouldContain("须覆盖：" + string.Join("、", channels.ValueTitles.Values));
        panyu.ShouldContain("征求意见的方式须覆盖：征求意见表、座谈会、个别访谈");
        panyu.ShouldNotContain("e-mailbox");

        // 番禺区委 has no plan: said by the name an organisation file beside the plan gives it; 魏都区委 by its plan's.
        var panyuDistrict = PlanCatalog.Load([Repository.Path("definitions")]).Organisation.Find("panyu-district")!.Name;
        panyu.ShouldContain($"上级 {panyuDistrict}（panyu-district）");
        CliRun.Of("show", "definitions/weidu-xiguan-street-2014.yaml", "--lang", "zh-CN").Output.ShouldContain("上级 中共魏都区委（weidu-district）");
        CliRun.Of("show", "definitions/panyu-ftu-2014.yaml", "--lang", "en").Output.ShouldContain("under panyu-district");

        // A body nothing names is said as an id, never as if the id were a name.
        var alone = Directory.CreateTempSubdirectory("cf-show-unnamed-");
        try
        {
            Repository.CopyPlans(alone.FullName);
            CliRun.Of("show", Path.Combine(alone.FullName, "panyu-ftu-2014.yaml"), "--lang", "zh-CN").Output.ShouldContain("上级单位（panyu-district）");
        }
        finally
        {
            alone.Delete(recursive: true);
        }
    }

    [Fact]
    public void In_English_the_plan_keeps_its_ids()
    {
        var run = CliRun.Of("show", "definitions/mianyang-ftu-2014.yaml", "--lang", "en");

        run.Output.ShouldContain("before [mobilization]");
    }

    // The action's or phase's id that starts a line of the plan's tree.
    [GeneratedRegex(@"^\s*[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?=  )")]
    private static partial Regex IdColumn();

    [GeneratedRegex(@"[\w./-]+\.yaml")]
    private static partial Regex Paths();

    // Hyphenated ids: anhui-province, and the seed sentences' ids [AH-03].
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:[a-z0-9]+(?:-[a-z0-9]+)+|[A-Z]{2}-\d+)")]
    private static partial Regex Ids();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]+")]
    private static partial Regex EnglishWords();
}
