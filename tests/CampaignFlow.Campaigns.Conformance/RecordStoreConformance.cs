using CampaignFlow.Campaigns.Storage;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// The contract every <see cref="IRecordStore"/> must honour. A store's test project derives a class from
/// this one and supplies a fresh, empty store per call of <see cref="CreateStore"/>.
/// </summary>
public abstract class RecordStoreConformance
{
    /// <summary>A new, empty store.</summary>
    protected abstract IRecordStore CreateStore();

    [Fact]
    public async Task A_new_key_is_inserted_and_reads_back_with_every_field()
    {
        var store = CreateStore();
        var record = Study(10, hours: "2小时");

        var results = await store.AppendAsync([record]);

        results.Count.ShouldBe(1);
        results[0].Key.ShouldBe("study-2014-w10");
        results[0].Outcome.ShouldBe(AppendOutcome.Inserted);
        results[0].Stored.Sequence.ShouldBeGreaterThan(0);
        results[0].Stored.ShouldBe(record with { Sequence = results[0].Stored.Sequence });

        var loaded = await store.GetAsync(Unit, "study-2014-w10");
        loaded.ShouldBe(results[0].Stored);
        loaded!.Payload.ShouldContain("2小时");
        loaded.RecordedAt.Offset.ShouldBe(Shanghai, "the unit's clock is kept, not only the instant");
        loaded.RecordedBy.ShouldBe("办公室·郭建文");
        (await store.GetAsync(Unit, "study-2014-w99")).ShouldBeNull();
        (await store.GetAsync(OtherUnit, "study-2014-w10")).ShouldBeNull();
    }

    [Fact]
    public async Task Records_of_some_kinds_are_read_across_units_in_sequence_order_and_by_page()
    {
        var store = CreateStore();
        await store.AppendAsync([Study(7), OpinionReport()]);
        await store.AppendAsync([Study(7, unit: OtherUnit), OpinionReport(unit: OtherUnit)]);
        await store.AppendAsync([Study(9)]);

        var studies = await store.ReadKindsAsync([Study(7).Kind]);

        studies.Select(r => (r.Unit, r.Key)).ShouldBe([(Unit, "study-2014-w07"), (OtherUnit, "study-2014-w07"), (Unit, "study-2014-w09")]);
        studies.Select(r => r.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        (await store.ReadKindsAsync([Study(7).Kind, OpinionReport().Kind])).Count.ShouldBe(5);
        var page = await store.ReadKindsAsync([Study(7).Kind], afterSequence: studies[0].Sequence, maxCount: 1);
        page.ShouldBe([studies[1]]);
        (await store.ReadKindsAsync([Study(7).Kind], afterSequence: studies[^1].Sequence)).ShouldBeEmpty();
        (await store.ReadKindsAsync(["no-such-kind"])).ShouldBeEmpty();
    }

    [Fact]
    public async Task Many_units_records_are_read_at_once_each_after_its_own_sequence()
    {
        var store = CreateStore();
        var first = await store.AppendAsync([Study(7), Study(8), Study(7, unit: OtherUnit)]);
        await store.AppendAsync([Study(9), Study(8, unit: OtherUnit), Study(7, unit: "weidu-district")]);
        var unitSeen = first[0].Stored.Sequence;

        var read = await store.ReadUnitsAsync([new UnitRecordsAfter(Unit, unitSeen), new UnitRecordsAfter(OtherUnit, 0), new UnitRecordsAfter("never-recorded", 0)]);

        // Each unit from its own sequence on; a unit not asked for (the district) is not read.
        read.Select(r => (r.Unit, r.Key)).ShouldBe([(Unit, "study-2014-w08"), (OtherUnit, "study-2014-w07"), (Unit, "study-2014-w09"), (OtherUnit, "study-2014-w08")]);
        read.Select(r => r.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        read.Where(r => r.Unit == Unit).ShouldBe(await store.ReadUnitAsync(Unit, unitSeen));
        read.Where(r => r.Unit == OtherUnit).ShouldBe(await store.ReadUnitAsync(OtherUnit));
        (await store.ReadUnitsAsync([new UnitRecordsAfter(Unit, read[^1].Sequence)])).ShouldBeEmpty();
        (await store.ReadUnitsAsync([])).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reading_more_units_at_once_than_a_query_has_parameters_reads_them_all()
    {
        var store = CreateStore();
        var units = Enumerable.Range(0, 40_000).Select(i => $"unit-{i:D5}").ToArray();
        await store.AppendAsync([Study(7, unit: units[0]), Study(7, unit: units[^1])]);

        // SQLite allows 32,766 parameters a statement: a body's units, or a boundary's, can outnumber them.
        var read = await store.ReadUnitsAsync([.. units.Select(u => new UnitRecordsAfter(u, 0))]);

        read.Select(r => r.Unit).ShouldBe([units[0], units[^1]]);
    }

    [Fact]
    public async Task The_same_key_with_the_same_payload_is_a_duplicate_and_the_stored_record_is_returned()
    {
        var store = CreateStore();
        var first = (await store.AppendAsync([Study(10)]))[0].Stored;

        // A client's retry: same key and payload, received later by another caller.
        var retry = Study(10) with { RecordedAt = T0.AddHours(5), RecordedBy = "import" };
        var results = await store.AppendAsync([retry]);

        results[0].Outcome.ShouldBe(AppendOutcome.Duplicate);
        results[0].Stored.ShouldBe(first);
        (await store.GetAsync(Unit, "study-2014-w10")).ShouldBe(first);
        (await store.CountUnitAsync(Unit)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_payload_is_a_conflict_and_the_stored_record_stays()
    {
        var store = CreateStore();
        var first = (await store.AppendAsync([Study(10, hours: "2小时")]))[0].Stored;

        var results = await store.AppendAsync([Study(10, hours: "半天")]);

        results[0].Outcome.ShouldBe(AppendOutcome.Conflict);
        results[0].Stored.ShouldBe(first);
        (await store.GetAsync(Unit, "study-2014-w10"))!.Payload.ShouldContain("2小时");
        (await store.ReadUnitAsync(Unit)).ShouldBe([first]);
    }

    [Fact]
    public async Task Keys_repeated_in_one_batch_are_judged_against_the_batchs_earlier_records()
    {
        var store = CreateStore();
        var existing = (await store.AppendAsync([Study(8)]))[0].Stored;

        var results = await store.AppendAsync([Study(9), Study(9) with { RecordedBy = "import" }, Study(8), Study(10)]);

        results.Select(r => r.Key).ShouldBe(["study-2014-w09", "study-2014-w09", "study-2014-w08", "study-2014-w10"]);
        results.Select(r => r.Outcome).ShouldBe([AppendOutcome.Inserted, AppendOutcome.Duplicate, AppendOutcome.Duplicate, AppendOutcome.Inserted]);
        results[1].Stored.ShouldBe(results[0].Stored);
        results[2].Stored.ShouldBe(existing);
        results[0].Stored.RecordedBy.ShouldBe("办公室·郭建文");
        (await store.CountUnitAsync(Unit)).ShouldBe(3);
    }

    [Fact]
    public async Task A_batch_with_a_conflict_stores_nothing_and_withholds_its_new_records()
    {
        var store = CreateStore();
        var existing = (await store.AppendAsync([Study(8)]))[0].Stored;

        var results = await store.AppendAsync([Study(9), Study(9, hours: "1天"), Study(8, hours: "1小时"), Study(10)]);

        results.Select(r => r.Outcome).ShouldBe([AppendOutcome.Withheld, AppendOutcome.Conflict, AppendOutcome.Conflict, AppendOutcome.Withheld]);
        results[0].Stored.Sequence.ShouldBe(0);
        results[1].Stored.ShouldBe(results[0].Stored, "the batch's own earlier record, which was not stored either");
        results[2].Stored.ShouldBe(existing);
        (await store.GetAsync(Unit, "study-2014-w09")).ShouldBeNull();
        (await store.GetAsync(Unit, "study-2014-w10")).ShouldBeNull();
        (await store.ReadUnitAsync(Unit)).ShouldBe([existing]);

        // The same batch without its conflicts is stored whole.
        (await store.AppendAsync([Study(9), Study(10)])).Select(r => r.Outcome).ShouldAllBe(o => o == AppendOutcome.Inserted);
        (await store.CountUnitAsync(Unit)).ShouldBe(3);
    }

    [Fact]
    public async Task An_empty_batch_stores_nothing()
    {
        var store = CreateStore();

        (await store.AppendAsync([])).ShouldBeEmpty();

        (await store.CountUnitAsync(Unit)).ShouldBe(0);
        (await store.ReadUnitAsync(Unit)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_units_records_come_back_in_the_order_they_were_stored_and_page_by_sequence()
    {
        var store = CreateStore();
        // Stored out of week order, in three batches, interleaved with another unit's records.
        await store.AppendAsync([Study(12), Study(7)]);
        await store.AppendAsync([Study(7, unit: OtherUnit), OpinionReport()]);
        await store.AppendAsync([Study(9), Study(8, unit: OtherUnit), Study(15)]);

        var all = await store.ReadUnitAsync(Unit);

        all.Select(r => r.Key).ShouldBe(["study-2014-w12", "study-2014-w07", "opinion-report", "study-2014-w09", "study-2014-w15"]);
        all.Select(r => r.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        all.Select(r => r.Sequence).Distinct().Count().ShouldBe(5);

        var firstPage = await store.ReadUnitAsync(Unit, afterSequence: 0, maxCount: 2);
        firstPage.ShouldBe(all.Take(2));
        var secondPage = await store.ReadUnitAsync(Unit, afterSequence: firstPage[^1].Sequence, maxCount: 2);
        secondPage.ShouldBe(all.Skip(2).Take(2));
        var lastPage = await store.ReadUnitAsync(Unit, afterSequence: secondPage[^1].Sequence, maxCount: 2);
        lastPage.ShouldBe(all.Skip(4));
        (await store.ReadUnitAsync(Unit, afterSequence: lastPage[^1].Sequence)).ShouldBeEmpty();
        (await store.ReadUnitAsync(Unit, afterSequence: 0, maxCount: 0)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sequences_increase_across_batches_and_units()
    {
        var store = CreateStore();
        var first = await store.AppendAsync([Study(7), Study(7, unit: OtherUnit)]);
        var second = await store.AppendAsync([Study(8, unit: OtherUnit), Study(8)]);

        var sequences = first.Concat(second).Select(r => r.Stored.Sequence).ToList();

        sequences.ShouldBeInOrder(SortDirection.Ascending);
        sequences.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public async Task A_units_records_are_not_visible_to_another_unit()
    {
        var store = CreateStore();
        // The same key in two units is two records, both inserted.
        var results = await store.AppendAsync([Study(10), Study(10, unit: OtherUnit, hours: "1天")]);

        results.Select(r => r.Outcome).ShouldBe([AppendOutcome.Inserted, AppendOutcome.Inserted]);
        (await store.GetAsync(Unit, "study-2014-w10"))!.Payload.ShouldNotContain("1天");
        (await store.GetAsync(OtherUnit, "study-2014-w10"))!.Payload.ShouldContain("1天");
        (await store.ReadUnitAsync(Unit)).Single().Unit.ShouldBe(Unit);
        (await store.ReadUnitAsync(OtherUnit)).Single().Unit.ShouldBe(OtherUnit);
        (await store.CountUnitAsync(Unit)).ShouldBe(1);
        (await store.CountUnitAsync("guangxi-ftu")).ShouldBe(0);
        (await store.ReadUnitAsync("guangxi-ftu")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Keys_and_units_are_compared_exactly()
    {
        var store = CreateStore();

        var results = await store.AppendAsync([Study(10, key: "Study-2014-W10"), Study(10, key: "study-2014-w10"), Study(10, key: "study-2014-w10 ")]);

        results.Select(r => r.Outcome).ShouldAllBe(o => o == AppendOutcome.Inserted);
        (await store.GetAsync("Panyu-FTU", "study-2014-w10")).ShouldBeNull();
        (await store.CountUnitAsync(Unit)).ShouldBe(3);
    }

    [Fact]
    public async Task Of_concurrent_appends_of_one_key_exactly_one_inserts()
    {
        var store = CreateStore();
        var variants = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? Study(10) : Study(10, hours: "半天" + i)).ToList();

        var results = await Task.WhenAll(variants.Select(v => Task.Run(async () => (await store.AppendAsync([v]))[0])));

        results.Count(r => r.Outcome == AppendOutcome.Inserted).ShouldBe(1);
        var winner = results.Single(r => r.Outcome == AppendOutcome.Inserted).Stored;
        results.ShouldAllBe(r => r.Stored == winner);
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Outcome != AppendOutcome.Inserted)
            {
                results[i].Outcome.ShouldBe(variants[i].Payload == winner.Payload ? AppendOutcome.Duplicate : AppendOutcome.Conflict);
            }
        }
        (await store.CountUnitAsync(Unit)).ShouldBe(1);
    }
}
