using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Tests;

/// <summary>
/// Many signals sent at once (what a file of many units' records moves) end exactly as the same signals sent one by
/// one: each instance moved, duplicates and early signals as the inbox treats them, two signals of one instance both
/// applied in order.
/// </summary>
public sealed class BatchedSignalTests
{
    private static WorkflowHarness Gates() =>
        new(new Sequence("s", new WaitForSignal("a", "evaluated"), new WaitForSignal("b", "visited"), Loop.While("more", new WaitForSignal("c", "revisited"), _ => true)));

    private static IReadOnlyList<Signal> Signals() =>
    [
        new Signal("evaluated", "u1") { IdempotencyKey = "u1-evaluated" },
        new Signal("evaluated", "u2") { IdempotencyKey = "u2-evaluated" },
        new Signal("evaluated", "u2") { IdempotencyKey = "u2-evaluated" }, // the same record sent twice
        new Signal("visited", "u2") { IdempotencyKey = "u2-visited" },     // the second bookmark of u2, opened by the first
        new Signal("revisited", "u3") { IdempotencyKey = "u3-revisited" }, // before its bookmark: parked
        new Signal("evaluated", "u4") { IdempotencyKey = "u4-evaluated" },
    ];

    [Fact]
    public async Task A_batch_ends_as_the_same_signals_sent_one_by_one()
    {
        var one = Gates();
        var many = Gates();
        string[] units = ["u1", "u2", "u3", "u4"];
        var ids = new List<(string One, string Many)>();
        foreach (var unit in units)
        {
            ids.Add((await one.StartAsync(unit), await many.StartAsync(unit)));
        }

        var singly = new List<SignalResult>();
        foreach (var signal in Signals())
        {
            singly.Add(await one.Runtime.SendSignalAsync(signal));
        }

        var batched = await many.Runtime.SendSignalsAsync(Signals());

        batched.Select(r => r.Disposition).ShouldBe(singly.Select(r => r.Disposition));
        batched.Select(r => r.Disposition).ShouldBe([SignalDisposition.Delivered, SignalDisposition.Delivered, SignalDisposition.Duplicate,
            SignalDisposition.Delivered, SignalDisposition.Parked, SignalDisposition.Delivered]);
        batched[2].InboxItemId.ShouldBe(batched[1].InboxItemId, "a duplicate names the item first stored");
        foreach (var (oneId, manyId) in ids)
        {
            (await many.BookmarksAsync(manyId)).ShouldBe(await one.BookmarksAsync(oneId));
            Kinds(await many.JournalAsync(manyId)).ShouldBe(Kinds(await one.JournalAsync(oneId)));
        }

        (await many.BookmarksAsync(ids[1].Many)).ShouldBe(["revisited"], "u2 took both of its signals, in order");
        (await many.Store.GetInboxItemAsync(batched[4].InboxItemId))!.Status.ShouldBe(InboxItemStatus.Pending, "u3's early signal waits for its bookmark");
        (await many.Store.GetInboxItemAsync(batched[0].InboxItemId))!.Status.ShouldBe(InboxItemStatus.Completed);
    }

    [Fact]
    public async Task A_parked_signal_of_the_batch_is_taken_when_the_bookmark_it_waits_for_opens()
    {
        var h = Gates();
        var id = await h.StartAsync("u3");
        await h.Runtime.SendSignalsAsync([new Signal("visited", "u3") { IdempotencyKey = "early" }]);

        var results = await h.Runtime.SendSignalsAsync([new Signal("evaluated", "u3") { IdempotencyKey = "evaluated" }]);

        results.ShouldHaveSingleItem().Disposition.ShouldBe(SignalDisposition.Delivered);
        (await h.BookmarksAsync(id)).ShouldBe(["revisited"], "the parked 'visited' went in with the evaluation's commit");
        (await h.JournalAsync(id)).Count(e => e.Kind == JournalEventKind.SignalReceived).ShouldBe(2);
    }

    private static IEnumerable<string> Kinds(IReadOnlyList<JournalEntry> journal) =>
        journal.Select(e => $"{e.Kind}:{e.ActivityId}:{e.Name}");
}
