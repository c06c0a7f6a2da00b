namespace CampaignFlow.Cli.Tests;

/// <summary><c>simulate --rules-engine campaignflow|nrules</c>: the same output from either engine; a wrong name is a usage error in the reader's language.</summary>
public class SimulateRulesEngineTests
{
    [Theory]
    [InlineData("definitions/panyu-ftu-2014.yaml", "definitions/activities/panyu-ftu-2014.yaml")]
    [InlineData("definitions/weidu-xiguan-street-2014.yaml", "definitions/activities/weidu-xiguan-street-2014.yaml")]
    [InlineData("definitions/weidu-organs-2014.yaml", "definitions/activities/units/weidu-court.yaml")]
    public void NRules_prints_what_our_engine_prints(string plan, string log)
    {
        var ours = CliRun.Of("simulate", plan, "--activities", log, "--format", "json", "--lang", "zh-CN");
        var nrules = CliRun.Of("simulate", plan, "--activities", log, "--format", "json", "--lang", "zh-CN", "--rules-engine", "nrules");

        nrules.ExitCode.ShouldBe(0, nrules.Error);
        ours.Output.ShouldContain("\"violations\"");
        nrules.Output.ShouldBe(ours.Output);
    }

    [Fact]
    public void The_default_engine_is_ours_and_may_be_named()
    {
        var named = CliRun.Of("simulate", "panyu-ftu-2014", "--activities", "definitions/activities/panyu-ftu-2014.yaml", "--rules-engine", "CampaignFlow");
        named.ExitCode.ShouldBe(0, named.Error);
        named.Output.TrimEnd().Split('\n')[^1].ShouldBe("4 violation(s), 0 warning(s), 0 pending at the end of 2014-09-30");
    }

    [Theory]
    [InlineData("zh-CN", "--rules-engine：没有名为“drools”的规则引擎，可选 campaignflow|nrules（默认 campaignflow）。")]
    [InlineData("en", "--rules-engine: there is no rules engine 'drools'; choose campaignflow|nrules (default campaignflow).")]
    public void An_unknown_engine_is_a_usage_error_naming_the_choices(string lang, string message)
    {
        var run = CliRun.Of("simulate", "panyu-ftu-2014", "--activities", "definitions/activities/panyu-ftu-2014.yaml", "--rules-engine", "drools", "--lang", lang);
        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe(message);
        run.Output.ShouldBeEmpty();
    }
}
