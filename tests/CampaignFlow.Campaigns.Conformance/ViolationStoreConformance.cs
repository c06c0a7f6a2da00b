using CampaignFlow.Campaigns.Storage;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// The contract every <see cref="IViolationStore"/> must honour: the lifecycle of <see cref="ViolationLifecycle"/>,
/// history, queries. A store's test project derives a class from this one and supplies a fresh, empty store per
/// call of <see cref="CreateStore"/>.
/// </summary>
public abstract class ViolationStoreConformance
{
    /// <summary>A new, empty store.</summary>
    protected abstract IViolationStore CreateStore();

    // ---- lifecycle -----------------------------------------------------------------------------

    [Fact]
    public async Task An_open_update_stores_an_open_violation_with_every_field_and_an_Opened_event()
    {
        var store = CreateStore();
        var violation = WeeklyStudy(10);

        var events = await store.ApplyAsync([Open(violation, T0)]);

        events.Count.ShouldBe(1);
        events[0].ShouldBe(new ViolationEvent(violation.Id, ViolationEventKind.Opened, T0, violation.Details) { Sequence = events[0].Sequence });
        var stored = await store.GetAsync(violation.Id);
        stored.ShouldBe(violation with { Status = ViolationStatus.Open, OpenedAt = T0, ResolvedAt = null, ChangedAt = T0 });
        stored!.MessageZh.ShouldBe("2014-W10 集中学习 2 小时，少于要求的 4 小时（半天）");
        stored.OpenedAt.Offset.ShouldBe(Shanghai, "times are kept by the unit's clock");
        (await store.GetAsync("panyu-ftu/nothing")).ShouldBeNull();
    }

    [Fact]
    public async Task Null_columns_stay_null()
    {
        var store = CreateStore();
        var violation = PublishPersonalPlans();

        await store.ApplyAsync([Open(violation, T0)]);

        var stored = (await store.GetAsync(violation.Id))!;
        stored.Body.ShouldBeNull();
        stored.PhaseId.ShouldBeNull();
        stored.Target.ShouldBeNull();
        stored.ResolvedAt.ShouldBeNull();
        stored.ShouldBe(violation with { Status = ViolationStatus.Open, OpenedAt = T0, ChangedAt = T0 });
    }

    [Fact]
    public async Task Saying_the_same_open_violation_again_changes_nothing()
    {
        var store = CreateStore();
        var violation = MutualTalk();
        await store.ApplyAsync([Open(violation, T0)]);

        // A session rebuilt after a restart says it again, later by its clock.
        var events = await store.ApplyAsync([Open(violation, T0.AddDays(3))]);

        events.ShouldBeEmpty();
        (await store.GetHistoryAsync(violation.Id)).Count.ShouldBe(1);
        var stored = (await store.GetAsync(violation.Id))!;
        stored.OpenedAt.ShouldBe(T0);
        stored.ChangedAt.ShouldBe(T0);
    }

    [Fact]
    public async Task An_open_violation_that_says_something_else_is_Changed_and_keeps_when_it_opened()
    {
        var store = CreateStore();
        await store.ApplyAsync([Open(WeeklyStudy(10, hours: "2"), T0)]);
        var later = WeeklyStudy(10, hours: "3");

        var events = await store.ApplyAsync([Open(later, T0.AddDays(1))]);

        events.Select(e => e.Kind).ShouldBe([ViolationEventKind.Changed]);
        events[0].Details.ShouldBe(later.Details);
        var stored = (await store.GetAsync(later.Id))!;
        stored.ShouldBe(later with { Status = ViolationStatus.Open, OpenedAt = T0, ChangedAt = T0.AddDays(1) });
        stored.MessageZh.ShouldContain("3 小时");
    }

    [Fact]
    public async Task A_change_of_one_column_alone_is_a_change()
    {
        var store = CreateStore();
        var violation = MutualTalk();
        await store.ApplyAsync([Open(violation, T0)]);

        var events = await store.ApplyAsync([Open(violation with { Severity = "soft" }, T0.AddHours(1))]);

        events.Select(e => e.Kind).ShouldBe([ViolationEventKind.Changed]);
        (await store.GetAsync(violation.Id))!.Severity.ShouldBe("soft");
    }

    [Fact]
    public async Task A_resolve_resolves_an_open_violation_once()
    {
        var store = CreateStore();
        var violation = WeeklyStudy(10);
        await store.ApplyAsync([Open(violation, T0)]);

        var resolved = await store.ApplyAsync([Resolve(violation, T0.AddDays(2))]);
        var again = await store.ApplyAsync([Resolve(violation, T0.AddDays(3))]);

        resolved.Select(e => e.Kind).ShouldBe([ViolationEventKind.Resolved]);
        again.ShouldBeEmpty();
        var stored = (await store.GetAsync(violation.Id))!;
        stored.ShouldBe(violation with { Status = ViolationStatus.Resolved, OpenedAt = T0, ResolvedAt = T0.AddDays(2), ChangedAt = T0.AddDays(2) });
    }

    [Fact]
    public async Task Resolving_an_unknown_violation_changes_nothing()
    {
        var store = CreateStore();
        var violation = WeeklyStudy(11);

        var events = await store.ApplyAsync([Resolve(violation, T0)]);

        events.ShouldBeEmpty();
        (await store.GetAsync(violation.Id)).ShouldBeNull();
        (await store.GetHistoryAsync(violation.Id)).ShouldBeEmpty();
        (await store.QueryAsync(new ViolationQuery())).Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_resolved_violation_that_opens_again_is_Reopened_with_a_new_opening_time()
    {
        var store = CreateStore();
        var violation = WeeklyStudy(10);
        await store.ApplyAsync([Open(violation, T0)]);
        await store.ApplyAsync([Resolve(violation, T0.AddDays(1))]);
        // A record was withdrawn: the week is short again, by another amount.
        var again = WeeklyStudy(10, hours: "1");

        var events = await store.ApplyAsync([Open(again, T0.AddDays(5))]);

        events.Select(e => e.Kind).ShouldBe([ViolationEventKind.Reopened]);
        var stored = (await store.GetAsync(violation.Id))!;
        stored.ShouldBe(again with { Status = ViolationStatus.Open, OpenedAt = T0.AddDays(5), ResolvedAt = null, ChangedAt = T0.AddDays(5) });
    }

    [Fact]
    public async Task History_lists_every_step_oldest_first_with_the_details_of_each()
    {
        var store = CreateStore();
        var v1 = WeeklyStudy(10, hours: "2");
        var v2 = WeeklyStudy(10, hours: "3");
        var other = MutualTalk();
        var returned = new List<ViolationEvent>();
        returned.AddRange(await store.ApplyAsync([Open(v1, T0), Open(other, T0)]));
        returned.AddRange(await store.ApplyAsync([Open(v2, T0.AddDays(1))]));
        returned.AddRange(await store.ApplyAsync([Resolve(v2, T0.AddDays(2)), Resolve(other, T0.AddDays(2))]));
        returned.AddRange(await store.ApplyAsync([Open(v1, T0.AddDays(3))]));

        var history = await store.GetHistoryAsync(v1.Id);

        history.Select(e => e.Kind).ShouldBe([ViolationEventKind.Opened, ViolationEventKind.Changed, ViolationEventKind.Resolved, ViolationEventKind.Reopened]);
        history.Select(e => e.At).ShouldBe([T0, T0.AddDays(1), T0.AddDays(2), T0.AddDays(3)]);
        history.Select(e => e.Details).ShouldBe([v1.Details, v2.Details, v2.Details, v1.Details]);
        history.ShouldAllBe(e => e.ViolationId == v1.Id);
        history.ShouldBe(returned.Where(e => e.ViolationId == v1.Id), "the events returned are the events stored");
        history.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        returned.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        returned.Select(e => e.Sequence).Distinct().Count().ShouldBe(returned.Count);
        (await store.GetHistoryAsync(other.Id)).Select(e => e.Kind).ShouldBe([ViolationEventKind.Opened, ViolationEventKind.Resolved]);
        (await store.GetHistoryAsync("panyu-ftu/nothing")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Updates_of_one_batch_apply_in_order()
    {
        var store = CreateStore();
        var violation = WeeklyStudy(10);

        var events = await store.ApplyAsync([Open(violation, T0), Open(violation, T0.AddMinutes(1)), Resolve(violation, T0.AddMinutes(2)), Open(violation, T0.AddMinutes(3))]);

        events.Select(e => e.Kind).ShouldBe([ViolationEventKind.Opened, ViolationEventKind.Resolved, ViolationEventKind.Reopened]);
        (await store.GetAsync(violation.Id))!.Status.ShouldBe(ViolationStatus.Open);
    }

    [Fact]
    public async Task A_step_stores_its_own_details_while_the_row_keeps_the_violations()
    {
        var store = CreateStore();
        var violation = WeeklyStudy(10);
        await store.ApplyAsync([Open(violation, T0)]);
        const string step = """{"code":"period-minimum-hours","evidence":{"counted":["study-2014-w10"],"missing":[],"actual":"4 h","required":"4 h"},"records":["study-2014-w10"]}""";

        var events = await store.ApplyAsync([Resolve(violation, T0.AddDays(1)) with { StepDetails = step }]);

        events.ShouldHaveSingleItem().Details.ShouldBe(step);
        (await store.GetHistoryAsync(violation.Id)).Select(e => e.Details).ShouldBe([violation.Details, step]);
        (await store.GetAsync(violation.Id))!.Details.ShouldBe(violation.Details);
    }

    [Fact]
    public async Task A_quiet_change_changes_the_row_and_stores_no_step()
    {
        var store = CreateStore();
        await store.ApplyAsync([Open(WeeklyStudy(10, hours: "2"), T0)]);
        var later = WeeklyStudy(10, hours: "3");

        var events = await store.ApplyAsync([Open(later, T0.AddDays(1)) with { Quiet = true }]);

        events.ShouldBeEmpty();
        (await store.GetAsync(later.Id))!.Details.ShouldBe(later.Details);
        (await store.GetHistoryAsync(later.Id)).Select(e => e.Kind).ShouldBe([ViolationEventKind.Opened]);
        (await store.ApplyAsync([Resolve(later, T0.AddDays(2)) with { Quiet = true }])).Select(e => e.Kind).ShouldBe([ViolationEventKind.Resolved], "only changes are quiet");
    }

    // ---- queries -------------------------------------------------------------------------------

    /// <summary>Six violations over two units, two plan versions, three phases, four periods; one resolved.</summary>
    private static async Task<Dictionary<string, StoredViolation>> SeedAsync(IViolationStore store)
    {
        var weidu = WeeklyStudy(10, unit: OtherUnit) with
        {
            PlanId = "weidu-xiguan-street-2014",
            Id = "weidu-xiguan-street/weidu-xiguan-street-2014@1/weekly-study/2014-W10",
            Body = "weidu-district",
        };
        var set = new Dictionary<string, StoredViolation>
        {
            ["w10"] = WeeklyStudy(10),
            ["w12"] = WeeklyStudy(12),
            ["talk"] = MutualTalk(),
            ["publish"] = PublishPersonalPlans(),
            ["weidu"] = weidu,
            ["w11v2"] = WeeklyStudy(11, planVersion: 2),
        };
        await store.ApplyAsync(set.Values.Select(v => Open(v, T0)).ToList());
        await store.ApplyAsync([Resolve(set["w12"], T0.AddDays(20))]);
        return set;
    }

    private static async Task<List<StoredViolation>> ToListAsync(IAsyncEnumerable<StoredViolation> violations)
    {
        var list = new List<StoredViolation>();
        await foreach (var v in violations)
        {
            list.Add(v);
        }

        return list;
    }

    private static async Task ShouldFindAsync(IViolationStore store, ViolationQuery query, Dictionary<string, StoredViolation> set, params string[] names)
    {
        var expected = names.Select(n => set[n].Id).ToList();
        var page = await store.QueryAsync(query);
        page.Items.Select(v => v.Id).ShouldBe(expected, $"query {query}");
        page.Total.ShouldBe(expected.Count);
        // The export reads the same rows in the same order, whole, however the store reads them.
        (await ToListAsync(store.StreamAsync(query))).ShouldBe(page.Items, $"stream of {query}");
    }

    [Fact]
    public async Task Without_filters_a_query_returns_everything_by_period_end_then_id()
    {
        var store = CreateStore();
        var set = await SeedAsync(store);

        // 2014-W10 ends 03-09 (panyu before weidu by id), W11 03-16, W12 03-23, the criticism window 07-31, 2014-09.
        await ShouldFindAsync(store, new ViolationQuery(), set, "w10", "weidu", "w11v2", "w12", "talk", "publish");
        var resolved = (await store.QueryAsync(new ViolationQuery())).Items.Single(v => v.Id == set["w12"].Id);
        resolved.ShouldBe(set["w12"] with { Status = ViolationStatus.Resolved, OpenedAt = T0, ResolvedAt = T0.AddDays(20), ChangedAt = T0.AddDays(20) });
    }

    [Fact]
    public async Task Each_filter_narrows_the_result()
    {
        var store = CreateStore();
        var set = await SeedAsync(store);

        await ShouldFindAsync(store, new ViolationQuery { Units = [Unit] }, set, "w10", "w11v2", "w12", "talk", "publish");
        await ShouldFindAsync(store, new ViolationQuery { Units = [OtherUnit] }, set, "weidu");
        await ShouldFindAsync(store, new ViolationQuery { Units = [Unit, OtherUnit] }, set, "w10", "weidu", "w11v2", "w12", "talk", "publish");
        await ShouldFindAsync(store, new ViolationQuery { Units = [] }, set);
        await ShouldFindAsync(store, new ViolationQuery { Units = ["guangxi-ftu"] }, set);
        await ShouldFindAsync(store, new ViolationQuery { PlanId = "weidu-xiguan-street-2014" }, set, "weidu");
        await ShouldFindAsync(store, new ViolationQuery { PlanId = Plan }, set, "w10", "w11v2", "w12", "talk", "publish");
        await ShouldFindAsync(store, new ViolationQuery { RequirementId = "weekly-study" }, set, "w10", "weidu", "w11v2", "w12");
        await ShouldFindAsync(store, new ViolationQuery { RequirementId = "mutual-talks" }, set, "talk");
        await ShouldFindAsync(store, new ViolationQuery { PhaseId = "criticism" }, set, "talk");
        await ShouldFindAsync(store, new ViolationQuery { PhaseId = "study" }, set, "w10", "weidu", "w11v2", "w12");
        await ShouldFindAsync(store, new ViolationQuery { Period = "2014-W10" }, set, "w10", "weidu");
        await ShouldFindAsync(store, new ViolationQuery { Period = "2014-w10" }, set);
        await ShouldFindAsync(store, new ViolationQuery { Severity = "soft" }, set, "publish");
        await ShouldFindAsync(store, new ViolationQuery { Severity = "required" }, set, "w10", "weidu", "w11v2", "w12", "talk");
        await ShouldFindAsync(store, new ViolationQuery { Status = ViolationStatus.Resolved }, set, "w12");
        await ShouldFindAsync(store, new ViolationQuery { Status = ViolationStatus.Open }, set, "w10", "weidu", "w11v2", "talk", "publish");
        // From: periods ending on or after; To: periods starting on or before (both inclusive).
        await ShouldFindAsync(store, new ViolationQuery { From = new DateOnly(2014, 3, 16) }, set, "w11v2", "w12", "talk", "publish");
        await ShouldFindAsync(store, new ViolationQuery { From = new DateOnly(2014, 7, 31) }, set, "talk", "publish");
        await ShouldFindAsync(store, new ViolationQuery { To = new DateOnly(2014, 3, 9) }, set, "w10", "weidu");
        await ShouldFindAsync(store, new ViolationQuery { To = new DateOnly(2014, 3, 10) }, set, "w10", "weidu", "w11v2");
        await ShouldFindAsync(store, new ViolationQuery { From = new DateOnly(2014, 3, 10), To = new DateOnly(2014, 6, 1) }, set, "w11v2", "w12", "talk");
    }

    [Fact]
    public async Task A_unit_filter_as_large_as_a_provinces_units_is_one_query()
    {
        var store = CreateStore();
        var set = await SeedAsync(store);
        // A province's auditor filters by tens of thousands of units: more than SQLite's 32,766 parameters.
        var units = Enumerable.Range(0, 40_000).Select(i => $"unit-{i:00000}").Append(OtherUnit).ToArray();

        await ShouldFindAsync(store, new ViolationQuery { Units = units }, set, "weidu");
        (await store.QueryAsync(new ViolationQuery { Units = units, Limit = 1 })).Total.ShouldBe(1);
    }

    [Fact]
    public async Task Filters_combine()
    {
        var store = CreateStore();
        var set = await SeedAsync(store);

        await ShouldFindAsync(store, new ViolationQuery { Units = [Unit], Status = ViolationStatus.Open, RequirementId = "weekly-study" }, set, "w10", "w11v2");
        await ShouldFindAsync(store, new ViolationQuery { Units = [Unit, OtherUnit], Period = "2014-W10", PhaseId = "study", Severity = "required", PlanId = Plan }, set, "w10");
        await ShouldFindAsync(store, new ViolationQuery { Status = ViolationStatus.Open, From = new DateOnly(2014, 3, 20) }, set, "talk", "publish");
    }

    [Fact]
    public async Task Pages_cover_the_result_once_and_carry_the_total()
    {
        var store = CreateStore();
        var set = await SeedAsync(store);
        var all = (await store.QueryAsync(new ViolationQuery())).Items.Select(v => v.Id).ToList();

        var pages = new List<ViolationPage>();
        for (var offset = 0; offset < 8; offset += 2)
        {
            pages.Add(await store.QueryAsync(new ViolationQuery { Offset = offset, Limit = 2 }));
        }

        pages.ShouldAllBe(p => p.Total == 6);
        pages.Select(p => p.Items.Count).ShouldBe([2, 2, 2, 0]);
        pages.SelectMany(p => p.Items).Select(v => v.Id).ShouldBe(all);
        var filtered = await store.QueryAsync(new ViolationQuery { Units = [Unit], Offset = 1, Limit = 3 });
        filtered.Total.ShouldBe(5);
        filtered.Items.Select(v => v.Id).ShouldBe([set["w11v2"].Id, set["w12"].Id, set["talk"].Id]);
        (await store.QueryAsync(new ViolationQuery { Limit = 0 })).ShouldSatisfyAllConditions(p => p.Items.ShouldBeEmpty(), p => p.Total.ShouldBe(6));
    }

    [Fact]
    public async Task A_stream_reads_every_match_in_order_whatever_the_offset_and_limit()
    {
        var store = CreateStore();
        var set = await SeedAsync(store);
        var query = new ViolationQuery { Units = [Unit, OtherUnit], Offset = 2, Limit = 1 };

        (await ToListAsync(store.StreamAsync(query))).Select(v => v.Id).ShouldBe(new[] { "w10", "weidu", "w11v2", "w12", "talk", "publish" }.Select(n => set[n].Id));
        (await ToListAsync(store.StreamAsync(new ViolationQuery { Units = [] }))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ties_on_period_end_are_ordered_by_id_ordinally()
    {
        var store = CreateStore();
        // Ordinal order: upper case before lower case, '-' (0x2D) before '/' (0x2F) before digits; culture-aware order differs.
        var ids = new[] { "panyu-ftu/weekly-study/a", "panyu-ftu/weekly-study/B", "panyu-ftu/weekly-study-2", "panyu-ftu/weekly-study/1", "panyu-ftu/weekly_study" };
        await store.ApplyAsync(ids.Select(id => Open(WeeklyStudy(10, id: id), T0)).ToList());

        var page = await store.QueryAsync(new ViolationQuery());

        page.Items.Select(v => v.Id).ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
        (await store.OpenIdsAsync(Unit, Plan, 1)).ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Open_ids_are_a_units_open_violations_of_one_plan_version()
    {
        var store = CreateStore();
        var set = await SeedAsync(store);

        var open = await store.OpenIdsAsync(Unit, Plan, 1);

        open.ShouldBe(new[] { set["w10"].Id, set["talk"].Id, set["publish"].Id }.Order(StringComparer.Ordinal).ToList());
        (await store.OpenIdsAsync(Unit, Plan, 2)).ShouldBe([set["w11v2"].Id]);
        (await store.OpenIdsAsync(OtherUnit, "weidu-xiguan-street-2014", 1)).ShouldBe([set["weidu"].Id]);
        (await store.OpenIdsAsync(OtherUnit, Plan, 1)).ShouldBeEmpty();
        (await store.OpenIdsAsync(Unit, Plan, 3)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Chinese_messages_and_details_come_back_exactly()
    {
        var store = CreateStore();
        var violation = MutualTalk() with
        {
            MessageZh = "刘晓光与温成军之间没有谈心谈话——“必须包括批评内容”（PY-17）\t😀",
            Details = """{"args":["刘晓光","温成军"],"note":"班子成员之间相互谈心\n第二行"}""",
        };

        await store.ApplyAsync([Open(violation, T0)]);

        var stored = (await store.GetAsync(violation.Id))!;
        stored.MessageZh.ShouldBe(violation.MessageZh);
        stored.MessageEn.ShouldBe(violation.MessageEn);
        stored.Details.ShouldBe(violation.Details);
        (await store.GetHistoryAsync(violation.Id))[0].Details.ShouldBe(violation.Details);
        // And saying it again is recognised as the same (no Changed from a re-encoded text).
        (await store.ApplyAsync([Open(violation, T0.AddDays(1))])).ShouldBeEmpty();
    }
}
