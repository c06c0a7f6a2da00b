using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests.Bodies;

/// <summary>
/// A body's requirements over the units below it (issue 12, item 2), on a folder shaped like 魏都区委's: every unit of a
/// kind did it by a date or in a window, a share of the units did it, each unit did it within a time after the body's
/// own; the violation is the body's, its evidence names the units behind and what each lacks, and a late record of any
/// unit resolves it.
/// </summary>
public sealed class AcrossUnitsTests
{
    private const string StreetsMobilised = """
        - id: streets-mobilised
          title: 各街道于3月底前召开动员大会
          activity: mobilisation
          by: 3月31日
          acrossUnits: { kinds: [street] }
        """;

    private const string MostUnitsEvaluated = """
        - id: units-evaluated
          title: 60%以上的单位开展群众评价
          activity: mass-evaluation
          acrossUnits: 60%
        """;

    private const string UnitsFollowTheDistrict = """
        - id: units-follow-district
          title: 各单位在区委动员大会后10天内召开动员大会
          activity: mobilisation
          acrossUnits: { afterBody: 10天 }
        """;

    private const string PlansAfterTheDistricts = """
        - id: plans-issued
          title: 各单位在区委实施方案印发后15天内制定实施方案
          document: implementation-plan
          acrossUnits: { afterBody: 15天 }
        """;

    [Fact]
    public async Task Every_street_by_a_date_is_the_districts_violation_naming_the_street_behind_and_not_the_communities()
    {
        using var folder = new BodyFolder(StreetsMobilised);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        service.LoadProblems.ShouldBeEmpty();

        await RecordAsync(service, "weidu-xida-street", "- { key: mobilisation, activity: mobilisation, on: 2014-03-20 }");
        await RecordAsync(service, "weidu-dongda-street", "- { key: mobilisation, activity: mobilisation, on: 2014-03-28 }");
        await h.TickToAsync(service, CampaignHarness.Day("2014-04-01"));

        var open = await h.OpenAsync(service, BodyFolder.District);
        var deadline = open.ShouldHaveSingleItem();
        deadline.RequirementId.ShouldBe("streets-mobilised:deadline");
        deadline.MessageZh.ShouldBe("动员大会：下级 3 个单位中 2 个已完成，要求全部完成（1 个未完成）");
        var missing = Missing(deadline);
        missing.ShouldHaveSingleItem().ShouldStartWith("魏都区北大街道党工委（weidu-beida-street）：动员大会未在2014年3月31日前完成");
        Counted(deadline).ShouldBe(["weidu-xida-street", "weidu-dongda-street"]);
        (await h.OpenAsync(service, "weidu-chunqiu-community")).ShouldNotContain(v => v.ActionId == "streets-mobilised", "the units below are not given the body's requirement");
    }

    [Fact]
    public async Task A_late_record_of_the_unit_behind_resolves_the_bodys_violation()
    {
        using var folder = new BodyFolder(StreetsMobilised);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        await RecordAsync(service, "weidu-xida-street", "- { key: mobilisation, activity: mobilisation, on: 2014-03-20 }");
        await RecordAsync(service, "weidu-dongda-street", "- { key: mobilisation, activity: mobilisation, on: 2014-03-28 }");
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));
        (await h.OpenAsync(service, BodyFolder.District)).Select(v => v.RequirementId).Order()
            .ShouldBe(["streets-mobilised:count-in-window", "streets-mobilised:deadline"]);

        // 北大街道 held it in May and records it in June: the window's count is met, the deadline still missed.
        await RecordAsync(service, "weidu-beida-street", "- { key: mobilisation, activity: mobilisation, on: 2014-05-06 }");

        var open = await h.OpenAsync(service, BodyFolder.District);
        open.ShouldHaveSingleItem().RequirementId.ShouldBe("streets-mobilised:deadline");
        Missing(open[0]).ShouldHaveSingleItem().ShouldContain("于2014年5月6日进行，晚于2014年3月31日的期限");
    }

    [Fact]
    public async Task A_share_of_the_units_is_met_at_the_share_and_violated_below_it()
    {
        using var folder = new BodyFolder(MostUnitsEvaluated);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        await RecordAsync(service, "weidu-xida-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-02 }");
        await RecordAsync(service, "weidu-chunqiu-community", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-09 }");
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        var short_ = (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem();
        short_.MessageZh.ShouldBe("群众评价：下级 5 个单位中 2 个已完成，未达到要求的 60%");
        Missing(short_).Count.ShouldBe(3);

        await RecordAsync(service, "weidu-jianshelu-community", "- { key: evaluation, activity: mass-evaluation, on: 2014-05-20 }");
        (await h.OpenAsync(service, BodyFolder.District)).ShouldBeEmpty("3 of 5 units is 60%");
    }

    [Fact]
    public async Task A_share_of_100_percent_is_every_unit_and_says_so()
    {
        using var folder = new BodyFolder("""
            - id: units-evaluated
              title: 这一环节各单位都要开展一次群众评价
              activity: mass-evaluation
              acrossUnits: 100%
            """);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        await RecordAsync(service, "weidu-xida-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-02 }");
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem().MessageZh.ShouldBe("群众评价：下级 5 个单位中 1 个已完成，要求全部完成（4 个未完成）");
    }

    [Fact]
    public async Task The_body_takes_what_its_units_recorded_since_the_last_tick_in_one_batch()
    {
        using var folder = new BodyFolder(MostUnitsEvaluated);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));
        var before = (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem();

        foreach (var unit in new[] { "weidu-xida-street", "weidu-dongda-street", "weidu-chunqiu-community" })
        {
            (await service.RecordAsync(unit, "- { key: evaluation, activity: mass-evaluation, on: 2014-04-02 }", RecordFormat.Yaml, "secretary")).Diagnostics.ShouldBeEmpty();
        }

        (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem().MessageZh.ShouldBe(before.MessageZh, "the recordings are the units'; the body judges at the tick");
        await service.TickAsync(CancellationToken.None);
        (await h.OpenAsync(service, BodyFolder.District)).ShouldBeEmpty("3 of 5 units is 60%, judged once for the three");
        (await service.GetViolationHistoryAsync(before.Id)).Count(e => e.Kind == ViolationEventKind.Changed).ShouldBe(0, "one judging of the batch: resolved, not changed thrice");
    }

    [Fact]
    public async Task Each_unit_within_days_after_the_bodys_own_event()
    {
        using var folder = new BodyFolder(UnitsFollowTheDistrict);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        await RecordAsync(service, BodyFolder.District, "- { key: mobilisation, activity: mobilisation, on: 2014-03-10 }");
        foreach (var unit in BodyFolder.Streets.Concat(BodyFolder.Communities).Except(["weidu-dongda-street"]))
        {
            await RecordAsync(service, unit, "- { key: mobilisation, activity: mobilisation, on: 2014-03-18 }");
        }

        await RecordAsync(service, "weidu-dongda-street", "- { key: mobilisation, activity: mobilisation, on: 2014-03-25 }");
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        var late = (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem();
        Missing(late).ShouldBe(["魏都区东大街道党工委（weidu-dongda-street）：未在上级于2014年3月10日完成后的10天内完成"]);

        // It held one within the ten days too, recorded late: the district's violation resolves.
        await RecordAsync(service, "weidu-dongda-street", "- { key: mobilisation-first, activity: mobilisation, on: 2014-03-19 }");
        (await h.OpenAsync(service, BodyFolder.District)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_the_bodys_own_event_the_units_time_cannot_be_counted()
    {
        using var folder = new BodyFolder(UnitsFollowTheDistrict);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        await RecordAsync(service, "weidu-xida-street", "- { key: mobilisation, activity: mobilisation, on: 2014-03-18 }");
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        var missing = (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem();
        missing.Code.ShouldBe("across-body-missing");
        missing.MessageZh.ShouldBe("动员大会：本级尚未记录，下级单位的期限无从起算");
    }

    [Fact]
    public async Task Unit_plans_issued_within_days_of_the_bodys_are_met_and_a_late_one_is_named()
    {
        using var folder = new BodyFolder(PlansAfterTheDistricts);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        await RecordAsync(service, BodyFolder.District, "- { key: plan, document: implementation-plan, on: 2014-03-05 }");
        foreach (var unit in BodyFolder.Streets.Concat(BodyFolder.Communities))
        {
            await RecordAsync(service, unit, $"- {{ key: plan, document: implementation-plan, on: {(unit == "weidu-beida-street" ? "2014-04-01" : "2014-03-15")} }}");
        }

        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        var late = (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem();
        late.RequirementId.ShouldBe("plans-issued:count-in-window");
        Missing(late).ShouldBe(["魏都区北大街道党工委（weidu-beida-street）：未在上级于2014年3月5日完成后的15天内完成"]);
    }

    [Fact]
    public async Task Each_supervision_group_visits_each_unit_it_covers_and_the_group_behind_is_named()
    {
        using var folder = new BodyFolder("""
            - id: group-visits
              title: 各督导组到所联系单位督导不少于2次
              activity: supervision-visit
              atLeast: 2次
              acrossUnits: { perGroup: true }
            """);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        foreach (var (unit, visits) in new[] { ("weidu-dongda-street", 2), ("weidu-jianshelu-community", 3), ("weidu-xida-street", 2), ("weidu-chunqiu-community", 1) })
        {
            await RecordAsync(service, unit, string.Join("\n", Enumerable.Range(1, visits).Select(i => $"- {{ key: visit-{i}, activity: supervision-visit, on: 2014-04-{10 + i} }}")));
        }

        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        var behind = (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem("区委第一督导组 visited each of its units twice");
        behind.Target.ShouldBe("weidu-group-2");
        behind.MessageZh.ShouldBe("区委第二督导组：督导组督导：下级 3 个单位中 1 个已完成，要求全部完成（2 个未完成）");
        Missing(behind).Select(m => m[..m.IndexOf('：', StringComparison.Ordinal)]).ShouldBe(["春秋社区党委（weidu-chunqiu-community）", "魏都区北大街道党工委（weidu-beida-street）"], ignoreOrder: true);
    }

    [Fact]
    public async Task After_a_restart_and_with_sessions_evicted_the_body_judges_the_same()
    {
        using var folder = new BodyFolder(MostUnitsEvaluated);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        IReadOnlyList<StoredViolation> before;
        await using (var service = await h.StartAsync())
        {
            await RecordAsync(service, "weidu-xida-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-02 }");
            await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));
            before = await h.OpenAsync(service, BodyFolder.District);
            before.ShouldHaveSingleItem();
        }

        // One session in memory: every unit's recording evicts the district's, which is rebuilt from the store.
        await using (var service = await h.StartAsync(maxSessions: 1))
        {
            await h.TickToAsync(service, CampaignHarness.Day("2014-06-02"));
            (await h.OpenAsync(service, BodyFolder.District)).Select(v => (v.Id, v.MessageZh)).ShouldBe(before.Select(v => (v.Id, v.MessageZh)));
            await RecordAsync(service, "weidu-dongda-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-03 }");
            await RecordAsync(service, "weidu-beida-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-04 }");
            (await h.OpenAsync(service, BodyFolder.District)).ShouldBeEmpty();
        }
    }

    private static async Task RecordAsync(CampaignService service, string unit, string yaml)
    {
        var result = await service.RecordAsync(unit, yaml, RecordFormat.Yaml, "secretary");
        result.Diagnostics.ShouldBeEmpty();
        result.Refusal.ShouldBeNull();

        // As the server's loop does, woken by the record: the bodies above take it at the tick.
        await service.TickAsync(CancellationToken.None);
    }

    private static IReadOnlyList<string> Missing(StoredViolation violation) => Strings(violation, "missing");

    private static IReadOnlyList<string> Counted(StoredViolation violation) => Strings(violation, "counted");

    private static IReadOnlyList<string> Strings(StoredViolation violation, string name)
    {
        using var details = JsonDocument.Parse(violation.Details);
        return [.. details.RootElement.GetProperty("evidence").GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
    }
}
