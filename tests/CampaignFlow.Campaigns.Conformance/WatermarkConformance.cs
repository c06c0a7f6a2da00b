using CampaignFlow.Campaigns.Storage;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// The watermark contract of every <see cref="IRecordStore"/> (docs/adr/0007): storing records puts their unit
/// behind in the same transaction, marking it judged brings it level, time makes it due again, and the units behind
/// are found by one read. A store's test project derives a class from this one.
/// </summary>
public abstract class WatermarkConformance
{
    private static readonly DateTimeOffset Now = T0.AddDays(30);

    /// <summary>A new, empty store.</summary>
    protected abstract IRecordStore CreateStore();

    [Fact]
    public async Task Stored_records_put_their_unit_behind_until_it_is_judged_through_the_last_of_them()
    {
        var store = CreateStore();
        (await store.GetWatermarkAsync(Unit)).ShouldBeNull();

        var stored = await store.AppendAsync([Study(10), Study(11), Study(12, unit: OtherUnit)]);
        var last = stored[1].Stored.Sequence;

        var mark = (await store.GetWatermarkAsync(Unit)).ShouldNotBeNull();
        mark.ShouldBe(new UnitWatermark(Unit, last, 0, null));
        (await store.UnitsBehindAsync(Now)).Select(w => w.Unit).ShouldBe([Unit, OtherUnit]);

        await store.MarkJudgedAsync(Unit, last, null);

        (await store.GetWatermarkAsync(Unit)).ShouldBe(new UnitWatermark(Unit, last, last, null));
        (await store.UnitsBehindAsync(Now)).Select(w => w.Unit).ShouldBe([OtherUnit]);
    }

    [Fact]
    public async Task Many_units_watermarks_are_read_at_once_and_a_unit_without_one_is_left_out()
    {
        var store = CreateStore();
        var stored = await store.AppendAsync([Study(10), Study(11, unit: OtherUnit)]);
        await store.MarkJudgedAsync(OtherUnit, stored[1].Stored.Sequence, Now);

        var marks = await store.GetWatermarksAsync([Unit, OtherUnit, "never-recorded"]);

        marks.OrderBy(m => m.Unit, StringComparer.Ordinal).ShouldBe([(await store.GetWatermarkAsync(Unit))!, (await store.GetWatermarkAsync(OtherUnit))!]);
        marks.Single(m => m.Unit == OtherUnit).ShouldBe(new UnitWatermark(OtherUnit, stored[1].Stored.Sequence, stored[1].Stored.Sequence, Now));
        (await store.GetWatermarksAsync([])).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_unit_judged_through_an_earlier_record_is_still_behind_the_later_ones()
    {
        var store = CreateStore();
        var first = (await store.AppendAsync([Study(10)]))[0].Stored.Sequence;
        var second = (await store.AppendAsync([Study(11)]))[0].Stored.Sequence;

        // A host that judged only the first record (it read before the second committed) does not hide the second.
        await store.MarkJudgedAsync(Unit, first, null);

        (await store.UnitsBehindAsync(Now)).ShouldBe([new UnitWatermark(Unit, second, first, null)]);
    }

    [Fact]
    public async Task Judged_never_moves_back_so_two_hosts_marking_in_either_order_agree()
    {
        var store = CreateStore();
        var last = (await store.AppendAsync([Study(10), Study(11)]))[1].Stored.Sequence;

        await store.MarkJudgedAsync(Unit, last, null);
        await store.MarkJudgedAsync(Unit, last - 1, null);

        (await store.GetWatermarkAsync(Unit)).ShouldNotBeNull().JudgedThrough.ShouldBe(last);
        (await store.UnitsBehindAsync(Now)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Duplicates_leave_a_judged_unit_level_and_a_batch_withheld_for_a_conflict_does_not_move_it()
    {
        var store = CreateStore();
        var last = (await store.AppendAsync([Study(10, hours: "2小时")]))[0].Stored.Sequence;
        await store.MarkJudgedAsync(Unit, last, null);

        (await store.AppendAsync([Study(10, hours: "2小时")]))[0].Outcome.ShouldBe(AppendOutcome.Duplicate);
        (await store.AppendAsync([Study(11), Study(10, hours: "半天")])).Select(r => r.Outcome).ShouldBe([AppendOutcome.Withheld, AppendOutcome.Conflict]);

        (await store.GetWatermarkAsync(Unit)).ShouldBe(new UnitWatermark(Unit, last, last, null));
        (await store.UnitsBehindAsync(Now)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Many_units_marked_at_once_are_marked_each_as_alone_and_judged_still_never_moves_back()
    {
        var store = CreateStore();
        var last = (await store.AppendAsync([Study(10), Study(11)]))[1].Stored.Sequence;
        var other = (await store.AppendAsync([Study(12, unit: OtherUnit)]))[0].Stored.Sequence;
        await store.MarkJudgedAsync(Unit, last, null);
        var due = new DateTimeOffset(2014, 3, 17, 0, 0, 0, Shanghai);

        await store.MarkJudgedManyAsync([new UnitJudgement(Unit, last - 1, due), new UnitJudgement(OtherUnit, other, null), new UnitJudgement("new-unit", 0, due)]);

        (await store.GetWatermarkAsync(Unit)).ShouldNotBeNull().JudgedThrough.ShouldBe(last);
        (await store.GetWatermarkAsync(OtherUnit)).ShouldBe(new UnitWatermark(OtherUnit, other, other, null));
        (await store.UnitsBehindAsync(due.AddTicks(-TimeSpan.TicksPerSecond))).ShouldBeEmpty();
        (await store.UnitsBehindAsync(due)).Select(w => w.Unit).ShouldBe(["new-unit", Unit], ignoreOrder: true);
        await store.MarkJudgedManyAsync([]);
    }

    [Fact]
    public async Task A_unit_is_due_again_once_the_clock_passes_its_due_time()
    {
        var store = CreateStore();
        var last = (await store.AppendAsync([Study(10)]))[0].Stored.Sequence;
        var due = new DateTimeOffset(2014, 3, 17, 0, 0, 0, Shanghai);

        await store.MarkJudgedAsync(Unit, last, due);

        (await store.UnitsBehindAsync(due.AddTicks(-TimeSpan.TicksPerSecond))).ShouldBeEmpty();
        var behind = (await store.UnitsBehindAsync(due)).ShouldHaveSingleItem();
        behind.Unit.ShouldBe(Unit);
        behind.DueAt.ShouldBe(due, "the same instant, whatever offset it reads back with");

        await store.MarkJudgedAsync(Unit, last, null);
        (await store.UnitsBehindAsync(DateTimeOffset.MaxValue.AddYears(-1))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ensuring_watermarks_gives_new_units_one_due_at_once_and_leaves_existing_ones_alone()
    {
        var store = CreateStore();
        var last = (await store.AppendAsync([Study(10)]))[0].Stored.Sequence;
        await store.MarkJudgedAsync(Unit, last, null);

        await store.EnsureWatermarksAsync([Unit, OtherUnit], T0);
        await store.EnsureWatermarksAsync([OtherUnit], T0.AddDays(1));

        (await store.GetWatermarkAsync(Unit)).ShouldBe(new UnitWatermark(Unit, last, last, null));
        var other = (await store.GetWatermarkAsync(OtherUnit)).ShouldNotBeNull();
        (other.RecordedThrough, other.JudgedThrough, other.DueAt).ShouldBe((0L, 0L, (DateTimeOffset?)T0));
        (await store.UnitsBehindAsync(T0)).Select(w => w.Unit).ShouldBe([OtherUnit]);
    }

    [Fact]
    public async Task Ensuring_watermarks_for_forty_thousand_units_is_one_call()
    {
        var store = CreateStore();
        var units = Enumerable.Range(0, 40_000).Select(i => $"unit-{i:00000}").ToArray();

        await store.EnsureWatermarksAsync(units, T0);

        (await store.UnitsBehindAsync(T0, maxCount: int.MaxValue)).Count.ShouldBe(40_000);
    }

    [Fact]
    public async Task Units_behind_come_in_unit_order_a_page_at_a_time_after_a_given_unit()
    {
        var store = CreateStore();
        await store.AppendAsync(new[] { "c", "a", "d", "b" }.Select(u => Study(10, unit: u)).ToArray());
        await store.EnsureWatermarksAsync(["e"], T0);
        await store.MarkJudgedAsync("b", 0, T0);

        var first = await store.UnitsBehindAsync(Now, maxCount: 2);
        var rest = await store.UnitsBehindAsync(Now, first[^1].Unit, 10);

        first.Select(w => w.Unit).ShouldBe(["a", "b"]);
        rest.Select(w => w.Unit).ShouldBe(["c", "d", "e"], "b, behind both by records and by time, comes once");
    }
}
