using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// WD-03: the units of 魏都区委's organisation file run the template of their kind (one compiled version shared by
/// all), each with its own records and violations; a unit with a plan of its own (西关街道) runs that.
/// </summary>
public sealed class TemplateUnitTests
{
    // WD-05: one mass evaluation covering the four groups, as 西关街道's demo log records it.
    private const string MassEvaluation = """
        - { key: mass-evaluation-1, activity: mass-evaluation, on: 2014-03-12, with: { participantGroup: 机关党员干部 } }
        - { key: mass-evaluation-2, activity: mass-evaluation, on: 2014-03-13, with: { participantGroup: 基层单位 } }
        - { key: mass-evaluation-3, activity: mass-evaluation, on: 2014-03-14, with: { participantGroup: 服务对象 } }
        - { key: mass-evaluation-4, activity: mass-evaluation, on: 2014-03-17, with: { participantGroup: 群众代表 } }
        """;

    [Fact]
    public async Task Each_unit_of_the_organisation_file_runs_its_kinds_template_or_its_own_plan()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-14"));
        await using var service = await h.StartAsync();

        service.LoadProblems.ShouldBeEmpty();
        service.FindUnit("weidu-xida-street").ShouldBe(new CampaignUnit("weidu-xida-street", "魏都区西大街道党工委", "weidu-district", "区委第三督导组", "weidu-streets-2014", 1,
            "魏都区街道（产业集聚区）深入开展党的群众路线教育实践活动实施方案（模板）", "street", "weidu-group-3"));
        service.FindUnit("weidu-dongda-street")!.PlanId.ShouldBe("weidu-dongda-street-2014", "its line names a roster: the template generated for its people");
        service.FindUnit("weidu-court")!.PlanId.ShouldBe("weidu-organs-2014");
        service.FindUnit("weidu-jianshelu-community")!.PlanId.ShouldBe("weidu-grassroots-2014");
        service.FindUnit("weidu-jianshelu-community")!.Body.ShouldBe("weidu-xiguan-street");
        service.FindUnit("weidu-xiguan-street")!.PlanId.ShouldBe("weidu-xiguan-street-2014", "its own plan wins over its kind's template");
        service.Organisation.Under("weidu-district").Count.ShouldBeGreaterThanOrEqualTo(50);
    }

    [Fact]
    public async Task Two_units_on_one_template_keep_their_own_records_and_violations()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"));
        await using var service = await h.StartAsync();

        var recorded = await service.RecordAsync("weidu-dongda-street", MassEvaluation, RecordFormat.Yaml, "secretary");
        recorded.Diagnostics.ShouldBeEmpty();
        (await service.ReadRecordsAsync("weidu-dongda-street"))!.Select(r => r.Unit).Distinct().ShouldBe(["weidu-dongda-street"]);
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        var dongda = await h.OpenAsync(service, "weidu-dongda-street");
        var xida = await h.OpenAsync(service, "weidu-xida-street");
        dongda.ShouldNotContain(v => v.ActionId == "mass-evaluation", "东大街道 held its mass evaluation");
        xida.ShouldContain(v => v.ActionId == "mass-evaluation", "西大街道, on the same template, recorded none");
        xida.ShouldContain(v => v.ActionId == "contact-point-opinions" || v.ActionId == "base-visits");
        xida.ShouldAllBe(v => v.Unit == "weidu-xida-street" && v.PlanId == "weidu-streets-2014");
        (await h.OpenAsync(service, "weidu-jianshelu-community")).ShouldNotContain(v => v.ActionId == "contact-point-opinions", "WD-06 binds organs and streets, not communities");
    }
}
