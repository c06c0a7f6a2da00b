using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>show FILE</c> and <c>simulate FILE</c> of a plan kept outside <c>definitions/</c> (a copy of 西关街道党工委's
/// plan, which inherits 魏都区委's) find the plan it inherits with <c>--definitions</c>, as <c>validate</c> and
/// <c>diff</c> do, and then say what the same plan in <c>definitions/</c> says; without the option the parent is looked
/// for beside the file only, as before.
/// </summary>
public sealed class DraftShownAndSimulatedTests : IDisposable
{
    private const string Plan = "weidu-xiguan-street-2014";
    private const string Log = "definitions/activities/" + Plan + ".yaml";

    private readonly string _draft = Path.Combine(Path.GetTempPath(), "cf-draft-" + Guid.NewGuid().ToString("N"));

    public DraftShownAndSimulatedTests()
    {
        Directory.CreateDirectory(_draft);
        File.Copy(Repository.Path("definitions", Plan + ".yaml"), Path.Combine(_draft, Plan + ".yaml"));
        File.Copy(Repository.Path("definitions", "weidu-xiguan-street.roster.yaml"), Path.Combine(_draft, "weidu-xiguan-street.roster.yaml"));
    }

    public void Dispose() => Directory.Delete(_draft, recursive: true);

    private string Draft => Path.Combine(_draft, Plan + ".yaml");

    [Fact]
    public void Show_finds_the_parent_of_a_draft_with_definitions()
    {
        var without = CliRun.Of("show", Draft, "--lang", "zh-CN");
        without.ExitCode.ShouldBe(1, without.Error);
        without.Error.ShouldContain("error unknown-plan: 找不到要继承的方案“weidu-district-2014”");

        var run = CliRun.Of("show", Draft, "--definitions", "definitions", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe(CliRun.Of("show", Plan, "--lang", "zh-CN").Output);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Simulate_finds_the_parent_of_a_draft_with_definitions(string lang)
    {
        var without = CliRun.Of("simulate", Draft, "--activities", Log, "--lang", lang);
        without.ExitCode.ShouldBe(1, without.Error);
        without.Error.ShouldContain("error unknown-plan:");

        var run = CliRun.Of("simulate", Draft, "--activities", Log, "--definitions", "definitions", "--lang", lang);

        run.ExitCode.ShouldBe(0, run.Error);
        var inDefinitions = CliRun.Of("simulate", Plan, "--activities", Log, "--lang", lang);
        inDefinitions.ExitCode.ShouldBe(0, inDefinitions.Error);
        run.Output.ShouldBe(inDefinitions.Output);
    }

    [Fact]
    public void A_parent_copied_beside_the_draft_gives_way_to_the_one_in_definitions()
    {
        // A copy of the district's plan beside the draft, without the holidays file it names: without --definitions it
        // is the parent, and a broken one; given --definitions, the folder named comes first, as validate's does.
        File.Copy(Repository.Path("definitions", "weidu-district-2014.yaml"), Path.Combine(_draft, "weidu-district-2014.yaml"));

        var beside = CliRun.Of("show", Draft, "--lang", "zh-CN");
        var named = CliRun.Of("show", Draft, "--definitions", "definitions", "--lang", "zh-CN");

        beside.ExitCode.ShouldBe(1, beside.Error);
        beside.Error.ShouldContain("error parent-has-errors: 所继承的方案“weidu-district-2014”");
        named.ExitCode.ShouldBe(0, named.Error);
        named.Output.ShouldBe(CliRun.Of("show", Plan, "--lang", "zh-CN").Output);
    }

    [Theory]
    [InlineData("show", "zh-CN", "指定时也是查找方案文件所继承方案的文件夹")]
    [InlineData("simulate", "zh-CN", "指定时也是查找方案文件所继承方案的文件夹")]
    [InlineData("show", "en", "when given, also where to look for the plans a plan file inherits")]
    [InlineData("simulate", "en", "when given, also where to look for the plans a plan file inherits")]
    public void The_help_says_the_option_serves_both(string command, string lang, string said)
    {
        var run = CliRun.Of(command, "--help", "--lang", lang);

        run.ExitCode.ShouldBe(0, run.Error);
        string.Join(" ", run.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).ShouldContain(said);
    }
}
