using CampaignFlow.Campaigns.Storage;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// The tallies every <see cref="IViolationStore"/> keeps for roll-ups (<see cref="IViolationStore.TallyOpenAsync"/>,
/// <see cref="IViolationStore.OpenChangesByDayAsync"/>): kept as violations open, change, resolve and re-open, so that
/// they always say what the violations say. A store's test project derives a class from this one.
/// </summary>
public abstract class OpenViolationTallyConformance
{
    private static readonly DateOnly March10 = new(2014, 3, 10);

    /// <summary>A new, empty store.</summary>
    protected abstract IViolationStore CreateStore();

    [Fact]
    public async Task Open_violations_are_tallied_per_unit_plan_version_and_requirement()
    {
        var store = CreateStore();
        await store.ApplyAsync([Open(WeeklyStudy(12), T0.AddDays(14)), Open(WeeklyStudy(10), T0), Open(MutualTalk(), T0.AddDays(60)), Open(WeeklyStudy(10, unit: OtherUnit), T0)]);

        var tallies = await store.TallyOpenAsync([Unit]);

        tallies.ShouldBe(
        [
            new OpenViolationTally(Unit, Plan, 1, "mutual-talks", 1, new DateOnly(2014, 7, 31), March10.AddDays(60)),
            new OpenViolationTally(Unit, Plan, 1, "weekly-study", 2, new DateOnly(2014, 3, 9), March10),
        ]);
    }

    [Fact]
    public async Task A_resolved_violation_leaves_its_tally_and_the_earliest_days_move_on()
    {
        var store = CreateStore();
        await store.ApplyAsync([Open(WeeklyStudy(10), T0), Open(WeeklyStudy(12), T0.AddDays(14))]);

        await store.ApplyAsync([Resolve(WeeklyStudy(10), T0.AddDays(20))]);

        (await store.TallyOpenAsync([Unit])).ShouldBe([new OpenViolationTally(Unit, Plan, 1, "weekly-study", 1, new DateOnly(2014, 3, 23), March10.AddDays(14))]);

        await store.ApplyAsync([Resolve(WeeklyStudy(12), T0.AddDays(21))]);

        (await store.TallyOpenAsync([Unit])).ShouldBeEmpty("a tally with no open violation is not kept");
    }

    [Fact]
    public async Task A_reopened_violation_counts_again_from_when_it_reopened()
    {
        var store = CreateStore();
        await store.ApplyAsync([Open(WeeklyStudy(10), T0)]);
        await store.ApplyAsync([Resolve(WeeklyStudy(10), T0.AddDays(1))]);

        await store.ApplyAsync([Open(WeeklyStudy(10), T0.AddDays(5))]);

        (await store.TallyOpenAsync([Unit])).ShouldBe([new OpenViolationTally(Unit, Plan, 1, "weekly-study", 1, new DateOnly(2014, 3, 9), March10.AddDays(5))]);
    }

    [Fact]
    public async Task Saying_an_open_violation_again_or_changing_it_does_not_count_it_twice()
    {
        var store = CreateStore();
        await store.ApplyAsync([Open(WeeklyStudy(10, hours: "2"), T0)]);

        await store.ApplyAsync([Open(WeeklyStudy(10, hours: "2"), T0.AddDays(1)), Open(WeeklyStudy(10, hours: "3"), T0.AddDays(2))]);
        await store.ApplyAsync([Resolve(WeeklyStudy(11), T0.AddDays(3))]);

        (await store.TallyOpenAsync([Unit])).ShouldBe([new OpenViolationTally(Unit, Plan, 1, "weekly-study", 1, new DateOnly(2014, 3, 9), March10)]);
        (await store.OpenChangesByDayAsync([Unit])).ShouldBe([new OpenViolationChange(March10, 1)]);
    }

    [Fact]
    public async Task Plan_versions_are_tallied_apart_and_only_the_units_asked_for_are_read()
    {
        var store = CreateStore();
        await store.ApplyAsync([Open(WeeklyStudy(10), T0), Open(WeeklyStudy(10, planVersion: 2), T0), Open(WeeklyStudy(11, unit: OtherUnit), T0)]);

        (await store.TallyOpenAsync([Unit])).Select(t => (t.Unit, t.PlanVersion, t.Open)).ShouldBe([(Unit, 1, 1), (Unit, 2, 1)]);
        (await store.TallyOpenAsync([OtherUnit, Unit])).Select(t => t.Unit).ShouldBe([Unit, Unit, OtherUnit], "ordered by unit");
        (await store.TallyOpenAsync([])).ShouldBeEmpty();
        (await store.TallyOpenAsync(["nobody"])).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_days_are_the_units_own_not_UTC()
    {
        var store = CreateStore();
        // 01:30 in Shanghai is the evening before in UTC: the unit's day is the 10th.
        var early = new DateTimeOffset(2014, 3, 10, 1, 30, 0, Shanghai);
        await store.ApplyAsync([Open(WeeklyStudy(10), early)]);

        (await store.TallyOpenAsync([Unit])).Single().EarliestOpened.ShouldBe(March10);
        (await store.OpenChangesByDayAsync([Unit])).ShouldBe([new OpenViolationChange(March10, 1)]);
    }

    [Fact]
    public async Task The_open_count_changes_per_day_summed_over_the_units_asked_for()
    {
        var store = CreateStore();
        await store.ApplyAsync([Open(WeeklyStudy(10), T0), Open(WeeklyStudy(11), T0), Open(WeeklyStudy(10, unit: OtherUnit), T0)]);
        await store.ApplyAsync([Resolve(WeeklyStudy(10), T0.AddDays(2)), Open(MutualTalk(), T0.AddDays(2))]);
        await store.ApplyAsync([Resolve(WeeklyStudy(11), T0.AddDays(3)), Resolve(WeeklyStudy(10, unit: OtherUnit), T0.AddDays(4))]);
        await store.ApplyAsync([Open(WeeklyStudy(10), T0.AddDays(5))]);

        (await store.OpenChangesByDayAsync([Unit])).ShouldBe(
            [new OpenViolationChange(March10, 2), new OpenViolationChange(March10.AddDays(3), -1), new OpenViolationChange(March10.AddDays(5), 1)],
            "the 12th opened one and resolved one: no change, left out");
        (await store.OpenChangesByDayAsync([Unit, OtherUnit])).ShouldBe(
            [new OpenViolationChange(March10, 3), new OpenViolationChange(March10.AddDays(3), -1), new OpenViolationChange(March10.AddDays(4), -1), new OpenViolationChange(March10.AddDays(5), 1)]);
        (await store.OpenChangesByDayAsync([])).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_tallies_always_say_what_the_open_violations_say()
    {
        var store = CreateStore();
        var random = new Random(12);
        var units = new[] { Unit, OtherUnit, "panyu-ftu-2" };
        var weeks = Enumerable.Range(7, 10).ToArray();
        for (var step = 0; step < 300; step++)
        {
            var violation = WeeklyStudy(weeks[random.Next(weeks.Length)], unit: units[random.Next(units.Length)], planVersion: 1 + random.Next(2));
            var at = T0.AddHours(step * 7);
            await store.ApplyAsync([random.Next(3) == 0 ? Resolve(violation, at) : Open(violation, at)]);
        }

        var open = (await store.QueryAsync(new ViolationQuery { Status = ViolationStatus.Open, Limit = 1000 })).Items;
        var expected = open
            .GroupBy(v => (v.Unit, v.PlanId, v.PlanVersion, v.RequirementId))
            .Select(g => new OpenViolationTally(g.Key.Unit, g.Key.PlanId, g.Key.PlanVersion, g.Key.RequirementId, g.Count(),
                g.Min(v => v.PeriodEnd), g.Min(v => DateOnly.FromDateTime(v.OpenedAt.DateTime))))
            .OrderBy(t => t.Unit, StringComparer.Ordinal).ThenBy(t => t.PlanVersion)
            .ToArray();
        (await store.TallyOpenAsync(units)).ShouldBe(expected);
        (await store.OpenChangesByDayAsync(units)).Sum(c => c.Change).ShouldBe(open.Count, "the changes add up to the open count");
    }

    [Fact]
    public async Task A_body_of_forty_thousand_units_is_one_question()
    {
        var store = CreateStore();
        await store.ApplyAsync([Open(WeeklyStudy(10), T0)]);
        var units = Enumerable.Range(0, 40_000).Select(i => $"unit-{i:D5}").Append(Unit).ToArray();

        (await store.TallyOpenAsync(units)).Single().Unit.ShouldBe(Unit);
        (await store.OpenChangesByDayAsync(units)).ShouldBe([new OpenViolationChange(March10, 1)]);
    }
}
