namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>Every seed plan's demo log, simulated to the campaign's end: both engines find the same violations and history.</summary>
public class DemoLogDifferentialTests
{
    public static TheoryData<string> Logs() => new(SeedLogs.Names);

    [Theory]
    [MemberData(nameof(Logs))]
    public void Both_engines_find_the_same_violations_and_history_in_each_demo_log(string log)
    {
        var ours = BothEngines.ShouldAgree(log, SeedLogs.Log(log).Records, null, log);

        // Every demo log leaves deliberate gaps (definitions/activities/README.md): the comparison is not of two empty lists.
        ours.History.ShouldNotBeEmpty();
    }

    [Fact]
    public void Every_seed_plan_with_a_demo_log_is_compared()
    {
        SeedLogs.Names.ShouldBe(
            ["anhui-organs-2013", "guangxi-ftu-2013", "mianyang-ftu-2014", "panyu-ftu-2014", "units/weidu-chunqiu-community", "units/weidu-court", "units/weidu-dongda-street", "units/weidu-xida-street", "weidu-district-2014", "weidu-xiguan-street-2014"],
            ignoreOrder: true);
    }
}
