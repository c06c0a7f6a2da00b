using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow simulate</c> on a record that exists but misses the plan's <c>where</c> (issue 18, item 8): 绵阳's demo
/// log with its second expert lecture recorded as no expert's (MY-32) prints the condition and the lecture.
/// </summary>
public class SimulateConditionTests
{
    [Fact]
    public void A_lecture_recorded_without_the_expert_is_printed_with_the_condition_it_missed()
    {
        var demo = File.ReadAllText(Repository.Path("definitions", "activities", "mianyang-ftu-2014.yaml"));
        var changed = demo.Replace("key: lecture-expert-2, activity: lecture, on: 2014-05-08, hours: 半天, with: { byExpert: true }", "key: lecture-expert-2, activity: lecture, on: 2014-05-08, hours: 半天, with: { byExpert: false }", StringComparison.Ordinal);
        changed.ShouldNotBe(demo);
        var log = Path.Combine(Path.GetTempPath(), "cf-condition-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(log, changed);

        var run = CliRun.Of("simulate", "definitions/mianyang-ftu-2014.yaml", "--activities", log, "--lang", "zh-CN");

        run.Output.ShouldContain("符合条件（byExpert: true）的辅导报告 1 次，要求 ≥ 2 次；不符合条件的 6 次：");
        run.Output.ShouldContain("lecture-expert-2（2014年5月8日）byExpert: false");
    }
}
