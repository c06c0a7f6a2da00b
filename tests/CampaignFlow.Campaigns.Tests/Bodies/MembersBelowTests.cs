using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Campaigns.Tests.Bodies;

/// <summary>
/// A body's requirement over the members of the units below it (WD-08: 组织党员干部分批…参观学习, counted per party
/// member): the members are the people of the units' rosters — named on their lines of the organisation file — picked
/// by role; the violation is the body's and names, per unit, the members who have not done it.
/// </summary>
public sealed class MembersBelowTests
{
    private const string EveryPartyMember = """
        - id: members-evaluated
          title: 下级单位每名党员都参加群众评价
          activity: mass-evaluation
          who: party-member
          acrossUnits: 100%
        """;

    private const string MostPartyMembers = """
        - id: members-evaluated
          title: 下级单位80%以上的党员参加群众评价
          activity: mass-evaluation
          who: party-member
          acrossUnits: 80%
        """;

    [Fact]
    public async Task Every_party_member_below_is_counted_and_the_ones_behind_are_named_by_unit()
    {
        using var folder = new BodyFolder(EveryPartyMember).WithRosters();
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        service.LoadProblems.ShouldBeEmpty();

        await RecordAsync(service, "weidu-xida-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-02, participants: [liu-jun, zhou-ping, gao-feng] }");
        await RecordAsync(service, "weidu-dongda-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-03, participants: [he-zhiqiang, shi-lei] }");
        await RecordAsync(service, "weidu-beida-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-04 }");
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        var violation = (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem();
        violation.MessageZh.ShouldBe("群众评价：下级单位 5 名人员中 4 名已完成，要求全部完成（1 名未完成）",
            "the five party members of the two rosters; 高峰 is not one, the units without a roster have none");
        Strings(violation, "missing").ShouldBe(["魏都区西大街道党工委（weidu-xida-street）：马丽"]);
        Strings(violation, "counted").ShouldBe(["weidu-dongda-street/he-zhiqiang", "weidu-dongda-street/shi-lei", "weidu-xida-street/liu-jun", "weidu-xida-street/zhou-ping"]);

        // 马丽 went in May with the second batch; the street records it late.
        await RecordAsync(service, "weidu-xida-street", "- { key: evaluation-2, activity: mass-evaluation, on: 2014-05-12, participants: [ma-li] }");
        (await h.OpenAsync(service, BodyFolder.District)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_share_of_the_members_is_met_at_the_share_and_violated_below_it()
    {
        using var folder = new BodyFolder(MostPartyMembers).WithRosters();
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        await RecordAsync(service, "weidu-xida-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-02, participants: [liu-jun, ma-li] }");
        await RecordAsync(service, "weidu-dongda-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-03, participants: [he-zhiqiang] }");
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        var short_ = (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem();
        short_.MessageZh.ShouldBe("群众评价：下级单位 5 名人员中 3 名已完成，未达到要求的 80%");
        Strings(short_, "missing").ShouldBe(["魏都区东大街道党工委（weidu-dongda-street）：石磊", "魏都区西大街道党工委（weidu-xida-street）：周萍"], "units in the tree's order");

        await RecordAsync(service, "weidu-dongda-street", "- { key: evaluation-2, activity: mass-evaluation, on: 2014-05-20, participants: [shi-lei] }");
        (await h.OpenAsync(service, BodyFolder.District)).ShouldBeEmpty("4 of 5 members is 80%");
    }

    [Fact]
    public async Task A_unit_named_with_a_roster_runs_its_generated_plan_and_a_changed_roster_is_its_next_version()
    {
        using var folder = new BodyFolder(EveryPartyMember);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using (var onTemplate = await h.StartAsync())
        {
            onTemplate.Units.Single(u => u.Id == "weidu-xida-street").PlanId.ShouldBe("weidu-units-2014");
        }

        folder.WithRosters();
        await using (var first = await h.StartAsync())
        {
            first.LoadProblems.ShouldBeEmpty();
            var left = await h.Stores.Workflows.FindInstancesAsync("weidu-units-2014", ["weidu-xida-street@1"]);
            left["weidu-xida-street@1"].Status.ShouldBe(WorkflowStatus.Cancelled, "the template's instance of a unit that left it");
            var xida = first.Units.Single(u => u.Id == "weidu-xida-street");
            (xida.PlanId, xida.PlanVersion).ShouldBe(("weidu-xida-street-2014", 1));
            first.Units.Single(u => u.Id == "weidu-beida-street").PlanId.ShouldBe("weidu-units-2014", "no roster: the template itself");
        }

        // Started again on the same folder: the same texts are the same version.
        await using (var again = await h.StartAsync())
        {
            again.Units.Single(u => u.Id == "weidu-xida-street").PlanVersion.ShouldBe(1);
        }

        // A new member on the roster: the unit's plan is published as version 2, and the body counts her.
        folder.Rewrite("organisation/rosters/xida.roster.yaml", """
            people:
              - { id: liu-jun, name: 刘军, roles: [principal, leadership, party-member] }
              - { id: zhou-ping, name: 周萍, roles: [leadership, party-member] }
              - { id: ma-li, name: 马丽, roles: [party-member] }
              - { id: gao-feng, name: 高峰, roles: [party-member] }
            """);
        await using var changed = await h.StartAsync();
        changed.LoadProblems.ShouldBeEmpty();
        changed.Units.Single(u => u.Id == "weidu-xida-street").PlanVersion.ShouldBe(2);
        await RecordAsync(changed, "weidu-xida-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-02, participants: [liu-jun, zhou-ping, ma-li] }");
        await RecordAsync(changed, "weidu-dongda-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-03, participants: [he-zhiqiang, shi-lei] }");
        await h.TickToAsync(changed, CampaignHarness.Day("2014-06-01"));
        Strings((await h.OpenAsync(changed, BodyFolder.District)).ShouldHaveSingleItem(), "missing").ShouldBe(["魏都区西大街道党工委（weidu-xida-street）：高峰"]);
    }

    [Fact]
    public async Task A_unit_whose_roster_is_taken_off_its_line_goes_back_to_its_template()
    {
        using var folder = new BodyFolder(EveryPartyMember).WithRosters();
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using (var rostered = await h.StartAsync())
        {
            rostered.Units.Single(u => u.Id == "weidu-xida-street").PlanId.ShouldBe("weidu-xida-street-2014");
        }

        folder.Rewrite("organisation/weidu.units.csv", File.ReadAllText(System.IO.Path.Combine(folder.Path, "organisation", "weidu.units.csv"))
            .Replace(",rosters/xida.roster.yaml", "", StringComparison.Ordinal));
        await using var back = await h.StartAsync();

        back.LoadProblems.ShouldBeEmpty();
        back.Units.Single(u => u.Id == "weidu-xida-street").PlanId.ShouldBe("weidu-units-2014", "the generated plan is retired with its roster");
        var left = await h.Stores.Workflows.FindInstancesAsync("weidu-xida-street-2014", ["weidu-xida-street@1"]);
        left["weidu-xida-street@1"].Status.ShouldBe(WorkflowStatus.Cancelled);
    }

    [Fact]
    public async Task Hosts_whose_folders_name_different_rosters_do_not_raise_the_version_at_every_start()
    {
        using var folder = new BodyFolder(EveryPartyMember).WithRosters();
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        var older = File.ReadAllText(System.IO.Path.Combine(folder.Path, "organisation", "rosters", "xida.roster.yaml"));
        var newer = older + "  - { id: sun-hong, name: 孙红, roles: [party-member] }\n";
        var versions = new List<int>();
        foreach (var roster in new[] { older, newer, older, newer })
        {
            // One store, two hosts' folders in turn: one not yet given the new member, one given it.
            folder.Rewrite("organisation/rosters/xida.roster.yaml", roster);
            await using var host = await h.StartAsync();
            versions.Add(host.Units.Single(u => u.Id == "weidu-xida-street").PlanVersion);
            if (versions.Count == 3)
            {
                var problem = host.LoadProblems.ShouldHaveSingleItem();
                (problem.Code, System.IO.Path.GetFileName(problem.File), problem.Line).ShouldBe(("generated-plan-earlier", "weidu.units.csv", 3));
                problem.MessageZh.ShouldContain("第 2 版继续执行");
            }
        }

        versions.ShouldBe([1, 2, 2, 2], "the older folder's roster is version 1 again, which is not published over version 2");
    }

    private static async Task RecordAsync(CampaignService service, string unit, string yaml)
    {
        var result = await service.RecordAsync(unit, yaml, RecordFormat.Yaml, "secretary");
        result.Diagnostics.ShouldBeEmpty();
        result.Refusal.ShouldBeNull();

        // As the server's loop does, woken by the record: the bodies above take it at the tick.
        await service.TickAsync(CancellationToken.None);
    }

    private static IReadOnlyList<string> Strings(StoredViolation violation, string name)
    {
        using var details = JsonDocument.Parse(violation.Details);
        return [.. details.RootElement.GetProperty("evidence").GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
    }
}
