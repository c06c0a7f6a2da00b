using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Workflows.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// Time moves in bulk (issue 13): the units a boundary moves are judged in batches — violations in one transaction,
/// watermarks in another — and end exactly where judging them one at a time ends them, a host killed between the two
/// transactions of a batch included.
/// </summary>
public sealed class BoundaryBatchTests
{
    private static readonly DateOnly Start = new(2013, 1, 1);
    private static readonly DateOnly End = CampaignHarness.Day("2014-10-01");
    private static readonly DateOnly Killed = CampaignHarness.Day("2014-04-01");

    [Fact]
    public async Task Every_seed_unit_judged_in_batches_ends_with_the_violations_history_and_workflow_of_one_at_a_time()
    {
        var oneAtATime = await CampaignAsync(new CampaignHarness(Start), batchSize: 1);
        var batched = await CampaignAsync(new CampaignHarness(Start), batchSize: 3);

        batched.Except(oneAtATime).ShouldBeEmpty();
        batched.ShouldBe(oneAtATime);
        oneAtATime.Count(l => l.StartsWith("violation ", StringComparison.Ordinal)).ShouldBeGreaterThan(20, "the seeds' logs leave violations opened and resolved");
    }

    [Fact]
    public async Task Every_seed_unit_judged_in_batches_with_its_session_evicted_ends_as_with_every_session_kept()
    {
        var kept = await CampaignAsync(new CampaignHarness(Start), batchSize: 256);
        var h = new CampaignHarness(Start);
        var reads = new BatchReadCounter(h.Stores.Records);

        // A budget of one record: every session is evicted by the next, so each boundary rebuilds its batch's sessions together.
        var evicted = await CampaignAsync(h, batchSize: 256, h.Stores with { Records = reads }, maxSessionRecords: 1);

        evicted.Except(kept).ShouldBeEmpty();
        evicted.ShouldBe(kept);
        reads.UnitsReadTogether.ShouldBeGreaterThan(reads.BatchReads, "a batch's records were read for several units at once");
    }

    [Fact]
    public async Task A_host_killed_after_a_batchs_violations_and_before_its_watermarks_is_finished_by_the_next_without_a_repeat()
    {
        var expected = await CampaignAsync(new CampaignHarness(Start), batchSize: 1);

        var h = new CampaignHarness(Start);
        var dying = new DyingAtWatermarks(h.Stores.Records);
        var first = await ServiceAsync(h, h.Stores with { Records = dying }, batchSize: 256);
        await RecordDaysAsync(h, first, Days(first).Where(d => d.Day < Killed));
        dying.Armed = true;
        try
        {
            await h.TickToAsync(first, Killed);
        }
        catch (HostKilledException)
        {
            // Where the kill reaches the tick's caller depends on what the tick did next; the host is gone either way.
        }

        await first.DisposeAsync();
        dying.KilledWith.ShouldBeGreaterThan(1, "the host died holding a batch of units whose violations it had written");

        await using var second = await ServiceAsync(h, h.Stores, batchSize: 256);
        await second.TickAsync(CancellationToken.None);
        await RecordDaysAsync(h, second, Days(second).Where(d => d.Day >= Killed));
        await h.TickToAsync(second, End);

        var finished = await SnapshotAsync(second);
        finished.Except(expected).ShouldBeEmpty();
        finished.ShouldBe(expected);
    }

    private static async Task<IReadOnlyList<string>> CampaignAsync(CampaignHarness h, int batchSize, CampaignStores? stores = null, long maxSessionRecords = 500_000)
    {
        await using var service = await ServiceAsync(h, stores ?? h.Stores, batchSize, maxSessionRecords);
        await RecordDaysAsync(h, service, Days(service).Where(d => d.Day < Killed));
        await h.TickToAsync(service, Killed); // the moment the other test's host is killed at, so both tick alike
        await RecordDaysAsync(h, service, Days(service).Where(d => d.Day >= Killed));
        await h.TickToAsync(service, End);
        (await h.Stores.Records.UnitsBehindAsync(h.Clock.GetUtcNow())).ShouldBeEmpty();
        return await SnapshotAsync(service);
    }

    private static Task<CampaignService> ServiceAsync(CampaignHarness h, CampaignStores stores, int batchSize, long maxSessionRecords = 500_000) =>
        CampaignService.StartAsync(stores, new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "test", TickBatchSize = batchSize, MaxSessionRecordsInMemory = maxSessionRecords },
            NullLogger<CampaignService>.Instance);

    // Every seed unit's demo log, day by day across units, so each tick between two days moves many units at once.
    private static IEnumerable<(DateOnly Day, string Unit, string Json)> Days(CampaignService service) =>
        DemoLogs.Plans.SelectMany(plan => DemoLogs.Days(plan).Select(d => (d.Day, Unit: service.Units.Single(u => u.PlanId == plan).Id, d.Json)))
            .OrderBy(d => d.Day).ThenBy(d => d.Unit, StringComparer.Ordinal);

    private static async Task RecordDaysAsync(CampaignHarness h, CampaignService service, IEnumerable<(DateOnly Day, string Unit, string Json)> days)
    {
        foreach (var (day, unit, json) in days)
        {
            await h.TickToAsync(service, day, 12);
            var result = await service.RecordAsync(unit, json, RecordFormat.Json, "secretary", CancellationToken.None);
            result.Records.ShouldAllBe(r => r.Outcome == AppendOutcome.Inserted);
        }
    }

    /// <summary>Every violation with its history, and every unit's workflow journal, as lines to compare.</summary>
    private static async Task<IReadOnlyList<string>> SnapshotAsync(CampaignService service)
    {
        var lines = new List<string>();
        var all = await service.QueryViolationsAsync(new ViolationQuery { Limit = int.MaxValue }, CancellationToken.None);
        foreach (var v in all.Items.OrderBy(v => v.Id, StringComparer.Ordinal))
        {
            lines.Add($"violation {v.Id} {v.Status} {v.OpenedAt:O} {v.ResolvedAt:O} {v.Details}");
            lines.AddRange((await service.GetViolationHistoryAsync(v.Id, CancellationToken.None)).Select(e => $"  {e.Kind} {e.At:O} {e.Details}"));
        }

        foreach (var unit in service.Units.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            // A signal's idempotency key names its instance, whose id is new in every run: its outcome is compared.
            lines.AddRange((await service.GetJournalAsync(unit.Id, CancellationToken.None))!.Select(e =>
                $"journal {unit.Id} {e.Sequence} {e.Kind} {e.ActivityId} {e.At:O} {(e.Kind == JournalEventKind.SignalReceived ? e.Detail?.Split(" (")[0] : e.Detail)}"));
        }

        return lines;
    }

    /// <summary>Armed, the process dies in the transaction that moves a batch's watermarks, and every store call after fails.</summary>
    private sealed class DyingAtWatermarks(IRecordStore inner) : IRecordStore
    {
        private bool _dead;

        public bool Armed { get; set; }

        public int KilledWith { get; private set; }

        public ValueTask MarkJudgedManyAsync(IReadOnlyList<UnitJudgement> judgements, CancellationToken cancellationToken = default)
        {
            if (Armed && !_dead)
            {
                _dead = true;
                KilledWith = judgements.Count;
            }

            return Alive(() => inner.MarkJudgedManyAsync(judgements, cancellationToken));
        }

        public ValueTask<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default) =>
            Alive(() => inner.AppendAsync(records, cancellationToken));

        public ValueTask<StoredRecord?> GetAsync(string unit, string key, CancellationToken cancellationToken = default) => Alive(() => inner.GetAsync(unit, key, cancellationToken));

        public ValueTask<IReadOnlyList<StoredRecord>> ReadUnitAsync(string unit, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
            Alive(() => inner.ReadUnitAsync(unit, afterSequence, maxCount, cancellationToken));

        public ValueTask<IReadOnlyList<StoredRecord>> ReadKindsAsync(IReadOnlyCollection<string> kinds, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
            Alive(() => inner.ReadKindsAsync(kinds, afterSequence, maxCount, cancellationToken));

        public ValueTask<long> CountUnitAsync(string unit, CancellationToken cancellationToken = default) => Alive(() => inner.CountUnitAsync(unit, cancellationToken));

        public ValueTask<UnitWatermark?> GetWatermarkAsync(string unit, CancellationToken cancellationToken = default) => Alive(() => inner.GetWatermarkAsync(unit, cancellationToken));

        public ValueTask EnsureWatermarksAsync(IReadOnlyCollection<string> units, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
            Alive(() => inner.EnsureWatermarksAsync(units, dueAt, cancellationToken));

        public ValueTask MarkJudgedAsync(string unit, long judgedThrough, DateTimeOffset? dueAt, CancellationToken cancellationToken = default) =>
            Alive(() => inner.MarkJudgedAsync(unit, judgedThrough, dueAt, cancellationToken));

        public ValueTask<IReadOnlyList<UnitWatermark>> UnitsBehindAsync(DateTimeOffset now, string? afterUnit = null, int maxCount = 256, CancellationToken cancellationToken = default) =>
            Alive(() => inner.UnitsBehindAsync(now, afterUnit, maxCount, cancellationToken));

        private T Alive<T>(Func<T> call) => _dead ? throw new HostKilledException() : call();
    }
}
