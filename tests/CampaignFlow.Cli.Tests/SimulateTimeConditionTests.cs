using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow simulate</c> on records that exist but fail a time condition (issue 18, item 8): 绵阳's demo log with
/// the evaluation (MY-07) held before its mobilisation meeting, which came after its deadline (MY-06), prints the
/// condition and the days — and not the branches' meetings held after that deadline, which only follow the late meeting.
/// </summary>
public class SimulateTimeConditionTests
{
    [Fact]
    public void A_record_before_the_action_it_must_follow_is_printed_with_that_action_and_its_day()
    {
        var demo = File.ReadAllText(Repository.Path("definitions", "activities", "mianyang-ftu-2014.yaml"));
        var changed = demo
            .Replace("key: mobilization, activity: mobilization-meeting, at: 2014-03-03 09:00, until: 2014-03-03 11:30", "key: mobilization, activity: mobilization-meeting, at: 2014-03-10 09:00, until: 2014-03-10 11:30", StringComparison.Ordinal)
            .Replace("key: evaluation, activity: democratic-evaluation, at: 2014-03-03 11:40, until: 2014-03-03 12:10", "key: evaluation, activity: democratic-evaluation, at: 2014-02-25 11:40, until: 2014-02-25 12:10", StringComparison.Ordinal);
        changed.ShouldNotBe(demo);
        var log = Path.Combine(Path.GetTempPath(), "cf-time-condition-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(log, changed);

        var run = CliRun.Of("simulate", "definitions/mianyang-ftu-2014.yaml", "--activities", log, "--lang", "zh-CN");

        run.Output.ShouldContain("动员大会于2014年3月10日进行，晚于2014年2月28日的期限");
        run.Output.ShouldContain("民主评议于2014年2月25日进行，早于2014年3月10日 09:00的动员大会，方案要求在其后");
        run.Output.ShouldNotContain("branch-study-meetings:order");
    }
}
