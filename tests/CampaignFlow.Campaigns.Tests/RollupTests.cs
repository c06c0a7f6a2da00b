using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using static CampaignFlow.Campaigns.Tests.StreetsFolder;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A body's roll-up (issue 12, item 4) on 魏都区委's two streets: 西关街道 records its demo log as it goes, 西门街道 records
/// nothing. The matrix, the units most behind and the open count per day agree with the violations the store holds.
/// </summary>
public sealed class RollupTests : IDisposable
{
    private static readonly DateOnly June30 = new(2014, 6, 30);
    private readonly StreetsFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_body_finds_the_units_under_it_through_bodies_that_run_no_campaign()
    {
        var (_, service) = await RunToJulyAsync();

        var district = service.Rollups.FindBody("weidu-district")!;
        district.Units.Select(u => u.Id).ShouldBe(["weidu-district", Xiguan, Ximen], "the district runs its own campaign too");
        district.Kinds.ShouldBe(["street", "district-committee"], "in the order 魏都区委's plan declares its unit kinds");
        district.Phases.ShouldContain("study");
        service.Rollups.FindBody("xuchang-city")!.Units.Count.ShouldBe(3, "许昌市, which runs no campaign here, is above 魏都区委 and its streets");
        service.Rollups.FindBody(Ximen)!.Units.Select(u => u.Id).ShouldBe([Ximen]);
        service.Rollups.FindBody("nowhere").ShouldBeNull();
    }

    [Fact]
    public async Task Each_cell_is_violated_exactly_when_the_store_holds_an_open_violation_of_it()
    {
        var (h, service) = await RunToJulyAsync();

        var rollup = await service.Rollups.GetComplianceAsync(service.Rollups.FindBody("weidu-district")!, new ComplianceFilter { At = June30, Kind = "street" });

        rollup.TotalUnits.ShouldBe(2);
        rollup.At.ShouldBe(June30);
        foreach (var row in rollup.Rows)
        {
            var open = await h.OpenAsync(service, row.Unit.Id);
            row.Totals.OpenViolations.ShouldBe(open.Count, row.Unit.Id);
            for (var i = 0; i < rollup.Requirements.Count; i++)
            {
                var requirement = rollup.Requirements[i].Id;
                (row.Cells[i] == ComplianceStatus.Violated).ShouldBe(open.Any(v => v.RequirementId == requirement), $"{row.Unit.Id} {requirement}");
            }

            row.DaysOverdue.ShouldBe(open.Count == 0 ? 0 : June30.DayNumber - open.Min(v => v.PeriodEnd).DayNumber, row.Unit.Id);
        }

        var ximen = rollup.Rows.Single(r => r.Unit.Id == Ximen);
        var xiguan = rollup.Rows.Single(r => r.Unit.Id == Xiguan);
        ximen.Totals.Violated.ShouldBeGreaterThan(xiguan.Totals.Violated, "西门街道 recorded nothing");
        xiguan.Totals.Met.ShouldBeGreaterThan(0);
        rollup.UnitsBehind.ShouldBe(2);
    }

    [Fact]
    public async Task Totals_per_row_per_column_and_overall_add_up()
    {
        var (_, service) = await RunToJulyAsync();

        // The streets (the district's own row has requirements of its own).
        var rollup = await service.Rollups.GetComplianceAsync(service.Rollups.FindBody("weidu-district")!, new ComplianceFilter { At = June30, Kind = "street" });

        foreach (var row in rollup.Rows)
        {
            row.Totals.Met.ShouldBe(row.Cells.Count(c => c == ComplianceStatus.Met));
            row.Totals.Pending.ShouldBe(row.Cells.Count(c => c == ComplianceStatus.Pending));
            row.Totals.Violated.ShouldBe(row.Cells.Count(c => c == ComplianceStatus.Violated));
        }

        for (var i = 0; i < rollup.Requirements.Count; i++)
        {
            var column = rollup.Requirements[i].Units;
            column.Met.ShouldBe(rollup.Rows.Count(r => r.Cells[i] == ComplianceStatus.Met));
            column.Pending.ShouldBe(rollup.Rows.Count(r => r.Cells[i] == ComplianceStatus.Pending));
            column.Violated.ShouldBe(rollup.Rows.Count(r => r.Cells[i] == ComplianceStatus.Violated));
            (column.Met + column.Pending + column.Violated).ShouldBe(2, "both streets run the same requirements");
        }

        rollup.Totals.ShouldBe(new ComplianceCounts(
            rollup.Rows.Sum(r => r.Totals.Met), rollup.Rows.Sum(r => r.Totals.Pending), rollup.Rows.Sum(r => r.Totals.Violated), rollup.Rows.Sum(r => r.Totals.OpenViolations)));
        rollup.Requirements.Sum(c => c.Units.OpenViolations).ShouldBe(rollup.Totals.OpenViolations);
    }

    [Fact]
    public async Task A_requirement_whose_periods_have_not_all_ended_is_pending_unless_violated()
    {
        var (_, service) = await RunToJulyAsync();
        var body = service.Rollups.FindBody("weidu-district")!;

        var june = await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = June30 });
        var autumn = await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = new DateOnly(2014, 12, 31) });

        june.Totals.Pending.ShouldBeGreaterThan(0, "the campaign runs to September");
        autumn.Totals.Pending.ShouldBe(0, "every period has ended");
        autumn.Totals.Violated.ShouldBe(june.Totals.Violated, "a day changes which periods have closed, not which violations are open");
    }

    [Fact]
    public async Task Filters_narrow_the_units_by_kind_and_the_requirements_by_phase_and_the_rows_come_by_page()
    {
        var (_, service) = await RunToJulyAsync();
        var body = service.Rollups.FindBody("weidu-district")!;

        var study = await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = June30, Phase = "study" });
        var streets = await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = June30, Kind = "street" });
        var schools = await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = June30, Kind = "school" });
        var behind = await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = June30, Sort = ComplianceSort.Behind, Limit = 1 });

        study.Requirements.ShouldNotBeEmpty();
        study.Requirements.ShouldAllBe(r => r.Phase == "study");
        streets.TotalUnits.ShouldBe(2);
        schools.TotalUnits.ShouldBe(0);
        schools.Rows.ShouldBeEmpty();
        behind.Rows.Single().Unit.Id.ShouldBe(Ximen, "most behind first");
        behind.TotalUnits.ShouldBe(3, "the totals count every unit (the district's own row too), not the page");
    }

    [Fact]
    public async Task Units_most_behind_come_first_with_their_counts()
    {
        var (h, service) = await RunToJulyAsync();

        var ranked = await service.Rollups.RankBehindAsync(service.Rollups.FindBody("weidu-district")!.Units, June30);

        ranked.Select(s => s.Unit.Id).ShouldBe([Ximen, Xiguan, "weidu-district"]);
        var ximenOpen = await h.OpenAsync(service, Ximen);
        ranked[0].OpenViolations.ShouldBe(ximenOpen.Count);
        ranked[0].EarliestDue.ShouldBe(ximenOpen.Min(v => v.PeriodEnd));
        ranked[0].DaysOverdue.ShouldBe(June30.DayNumber - ximenOpen.Min(v => v.PeriodEnd).DayNumber);
        ranked[0].Kind.ShouldBe("street");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("street", "study")]
    public async Task The_overview_is_the_roll_up_and_the_ranking_of_the_same_units_on_its_day(string? kind, string? phase)
    {
        var (_, service) = await RunToJulyAsync();
        var body = service.Rollups.FindBody("weidu-district")!;
        var filter = new ComplianceFilter { Kind = kind, Phase = phase, Sort = ComplianceSort.Behind };

        var overview = await service.Rollups.GetOverviewAsync(body, filter);

        var rollup = await service.Rollups.GetComplianceAsync(body, filter);
        var ranked = await service.Rollups.RankBehindAsync(body.Units.Where(u => kind is null || u.Kind == kind).ToArray(), rollup.At);
        overview.Compliance.At.ShouldBe(rollup.At);
        overview.Compliance.Totals.ShouldBe(rollup.Totals);
        overview.Compliance.Requirements.ShouldBe(rollup.Requirements);
        overview.Compliance.Rows.Select(r => (r.Unit.Id, r.Totals, r.DaysOverdue, string.Join(',', r.Cells))).ShouldBe(
            rollup.Rows.Select(r => (r.Unit.Id, r.Totals, r.DaysOverdue, string.Join(',', r.Cells))));
        overview.Behind.ShouldBe(ranked);
        overview.Behind.ShouldContain(s => s.OpenViolations > 0, "西门街道 recorded nothing");
    }

    [Fact]
    public async Task A_late_record_resolves_a_violation_and_the_roll_up_and_the_open_count_per_day_follow()
    {
        var (h, service) = await RunToJulyAsync();
        var body = service.Rollups.FindBody("weidu-district")!;
        var before = await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = June30 });
        var historyBefore = await service.Rollups.GetOpenHistoryAsync(body, null, null);

        // 西门街道 sends, late, what 西关街道 did in March (the same people).
        await h.TickToAsync(service, new DateOnly(2014, 7, 5), 12);
        var march = DemoLogs.Records("weidu-xiguan-street-2014").Where(r => r.Day.Month == 3).Select(r => r.Json);
        (await service.RecordAsync(Ximen, DemoLogs.Array(march), RecordFormat.Json, "secretary")).Resolved.ShouldNotBeEmpty();

        var after = await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = June30 });
        var history = await service.Rollups.GetOpenHistoryAsync(body, null, null);
        after.Rows.Single(r => r.Unit.Id == Ximen).Totals.OpenViolations.ShouldBeLessThan(before.Rows.Single(r => r.Unit.Id == Ximen).Totals.OpenViolations);
        history[^1].Day.ShouldBe(new DateOnly(2014, 7, 5));
        history[^1].Open.ShouldBe(after.Totals.OpenViolations);
        history[^2].Open.ShouldBe(historyBefore[^1].Open, "every day is listed, the count carried over");
        history.Zip(history.Skip(1)).ShouldAllBe(p => p.Second.Day == p.First.Day.AddDays(1));
        (await service.Rollups.GetOpenHistoryAsync(body, new DateOnly(2014, 7, 1), new DateOnly(2014, 7, 2))).ShouldBe(
            [new OpenViolationsOnDay(new DateOnly(2014, 7, 1), historyBefore[^1].Open), new OpenViolationsOnDay(new DateOnly(2014, 7, 2), historyBefore[^1].Open)]);
    }

    [Fact]
    public async Task Violations_of_a_plan_version_the_unit_no_longer_runs_are_not_counted()
    {
        var (h, service) = await RunToJulyAsync();
        var body = service.Rollups.FindBody("weidu-district")!;
        var before = await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = June30 });
        var stale = (await h.OpenAsync(service, Ximen))[0];

        await h.Stores.Violations.ApplyAsync([new ViolationUpdate(true, CampaignHarness.At(June30), stale with { Id = stale.Id + "-v0", PlanVersion = 0 })]);

        (await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = June30 })).Totals.ShouldBe(before.Totals);
        (await service.Rollups.RankBehindAsync(body.Units, June30)).Sum(s => s.OpenViolations).ShouldBe(before.Totals.OpenViolations);
    }

    // 西关街道 records its demo log day by day to the end of June; 西门街道 nothing; the clock then moves to 1 July.
    private async Task<(CampaignHarness Harness, CampaignService Service)> RunToJulyAsync()
    {
        var h = new CampaignHarness(new DateOnly(2014, 3, 1), _folder.Path);
        var service = await h.StartAsync();
        service.LoadProblems.ShouldBeEmpty();
        await Replay.DaysAsync(h, service, Xiguan, DemoLogs.Days("weidu-xiguan-street-2014").Where(d => d.Day <= June30));
        await h.TickToAsync(service, June30.AddDays(1));
        return (h, service);
    }
}
