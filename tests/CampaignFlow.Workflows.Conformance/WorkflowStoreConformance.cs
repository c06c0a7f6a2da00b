using System.Text.Json;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Conformance;

/// <summary>
/// The contract every <see cref="IWorkflowStore"/> must honour. A store's test project derives a class
/// from this one and supplies a fresh, empty store per call of <see cref="CreateStore"/>.
/// </summary>
public abstract class WorkflowStoreConformance
{
    private static readonly DateTimeOffset T0 = new(2014, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>A new, empty store.</summary>
    protected abstract IWorkflowStore CreateStore();

    // ---- instance state ------------------------------------------------------------------------

    [Fact]
    public async Task A_created_instance_loads_back_with_every_field()
    {
        var store = CreateStore();
        var state = RichState("i1");
        var expected = Json(state);

        (await store.CommitAsync(NewInstance(state))).Status.ShouldBe(CommitStatus.Committed);

        var loaded = await store.GetInstanceAsync("i1");
        loaded.ShouldNotBeNull();
        Json(loaded).ShouldBe(expected);
        (await store.GetInstanceAsync("nope")).ShouldBeNull();
    }

    [Fact]
    public async Task A_loaded_instance_is_the_callers_own_copy()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(RichState("i1")));

        var first = (await store.GetInstanceAsync("i1"))!;
        first.Status = WorkflowStatus.Cancelled;
        first.Executions.Clear();
        first.Variables!["x"] = "changed";

        var second = (await store.GetInstanceAsync("i1"))!;
        second.Status.ShouldBe(WorkflowStatus.Running);
        second.Executions.Count.ShouldBe(2);
        second.Variables!["x"].ShouldBe("1");
    }

    [Fact]
    public async Task Each_commit_must_expect_the_stored_version()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1")));

        var v2 = await Load(store, "i1");
        v2.Variables = new() { ["step"] = "2" };
        (await store.CommitAsync(Update(v2))).Status.ShouldBe(CommitStatus.Committed);

        var stale = State("i1");
        stale.Version = 2;
        (await store.CommitAsync(new WorkflowCommit { Instance = stale, ExpectedVersion = 1 })).Status.ShouldBe(CommitStatus.VersionConflict);

        var missing = State("ghost");
        missing.Version = 4;
        (await store.CommitAsync(new WorkflowCommit { Instance = missing, ExpectedVersion = 3 })).Status.ShouldBe(CommitStatus.VersionConflict);

        var loaded = await Load(store, "i1");
        loaded.Version.ShouldBe(2);
        loaded.Variables!["step"].ShouldBe("2");
    }

    [Fact]
    public async Task Of_concurrent_commits_on_one_version_exactly_one_wins()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1")));
        var copies = new List<WorkflowInstanceState>();
        for (var n = 0; n < 8; n++)
        {
            var copy = await Load(store, "i1");
            copy.Variables = new() { ["writer"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            copies.Add(copy);
        }

        var results = await Task.WhenAll(copies.Select(copy => Task.Run(async () => await store.CommitAsync(Update(copy)))));

        results.Count(r => r.Status == CommitStatus.Committed).ShouldBe(1);
        results.Count(r => r.Status == CommitStatus.VersionConflict).ShouldBe(7);
        var stored = await Load(store, "i1");
        stored.Version.ShouldBe(2);
        var winner = copies[Array.FindIndex(results, r => r.Status == CommitStatus.Committed)];
        stored.Variables!["writer"].ShouldBe(winner.Variables!["writer"]);
    }

    [Fact]
    public async Task One_instance_per_definition_and_correlation_key()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1", correlation: "unit-7")));

        var twin = await store.CommitAsync(NewInstance(State("i2", correlation: "unit-7")));

        twin.Status.ShouldBe(CommitStatus.DuplicateStart);
        twin.ExistingInstanceId.ShouldBe("i1");
        (await store.GetInstanceAsync("i2")).ShouldBeNull();
        (await store.FindInstanceIdAsync("def", "unit-7")).ShouldBe("i1");
        (await store.FindInstanceIdAsync("def", "unit-8")).ShouldBeNull();
        (await store.FindInstanceIdAsync("other-def", "unit-7")).ShouldBeNull();
        (await store.CommitAsync(NewInstance(State("i3", definition: "other-def", correlation: "unit-7")))).Status.ShouldBe(CommitStatus.Committed);
    }

    [Fact]
    public async Task Instances_are_found_for_many_correlation_keys_at_once_with_their_status()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1", correlation: "unit-1")));
        var done = State("i2", correlation: "unit-2");
        done.Status = WorkflowStatus.Completed;
        await store.CommitAsync(NewInstance(done));
        await store.CommitAsync(NewInstance(State("i3", definition: "other-def", correlation: "unit-3")));

        var found = await store.FindInstancesAsync("def", ["unit-1", "unit-2", "unit-3", "unit-4"]);

        found.Keys.ShouldBe(["unit-1", "unit-2"], ignoreOrder: true);
        found["unit-1"].ShouldBe(new FoundInstance("i1", WorkflowStatus.Running));
        found["unit-2"].ShouldBe(new FoundInstance("i2", WorkflowStatus.Completed));
        (await store.FindInstancesAsync("def", [])).ShouldBeEmpty();
    }

    [Fact]
    public async Task Many_instances_load_at_once_each_as_the_callers_own_copy()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1", correlation: "unit-1")));
        await store.CommitAsync(NewInstance(WithTimers(State("i2", correlation: "unit-2"), Timer("i2", "t1", T0.AddDays(1)))));

        var loaded = await store.GetInstancesAsync(["i1", "i2", "missing"]);

        loaded.Keys.ShouldBe(["i1", "i2"], ignoreOrder: true);
        loaded["i2"].CorrelationKey.ShouldBe("unit-2");
        loaded["i2"].Timers.ShouldHaveSingleItem().Id.ShouldBe("t1");
        loaded["i1"].Variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["changed"] = "by the caller" };
        (await store.GetInstanceAsync("i1"))!.Variables.ShouldBeNull();
        (await store.GetInstancesAsync([])).ShouldBeEmpty();
    }

    [Fact]
    public async Task Many_commits_each_stand_or_fall_alone()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1", correlation: "unit-1")));

        var results = await store.CommitManyAsync(
        [
            NewInstance(State("i2", correlation: "unit-2"), journal: [Entry("i2", 1, JournalEventKind.WorkflowStarted)]),
            NewInstance(State("i3", correlation: "unit-1"), journal: [Entry("i3", 1, JournalEventKind.WorkflowStarted)]),
            NewInstance(WithTimers(State("i4", correlation: "unit-4"), Timer("i4", "t1", T0.AddDays(1))), journal: [Entry("i4", 1, JournalEventKind.WorkflowStarted)]),
        ]);

        results.Select(r => r.Status).ShouldBe([CommitStatus.Committed, CommitStatus.DuplicateStart, CommitStatus.Committed]);
        results[1].ExistingInstanceId.ShouldBe("i1");
        (await store.GetInstanceAsync("i3")).ShouldBeNull();
        (await store.GetJournalAsync("i3")).ShouldBeEmpty("the refused start left nothing of itself");
        (await store.GetJournalAsync("i2")).Count.ShouldBe(1);
        (await store.GetNextTimerDueAtAsync()).ShouldBe(T0.AddDays(1));
        (await store.CommitManyAsync([])).ShouldBeEmpty();
    }

    [Fact]
    public async Task Many_updates_at_once_write_each_instance_and_its_indexes_and_refuse_only_the_stale_one()
    {
        var store = CreateStore();
        foreach (var id in new[] { "i1", "i2", "i3" })
        {
            await store.CommitAsync(NewInstance(WithTimers(State(id, correlation: "unit-" + id), Timer(id, "t1", T0.AddDays(1)))));
        }

        var fresh1 = await Load(store, "i1");
        var stale2 = await Load(store, "i2");
        var fresh3 = await Load(store, "i3");
        var moved = await Load(store, "i2");
        (await store.CommitAsync(Update(moved))).Status.ShouldBe(CommitStatus.Committed, "another writer moved i2 on first");
        fresh1.Variables = new() { ["period"] = "2" };
        fresh3.Status = WorkflowStatus.Completed;
        fresh3.FinishedAt = T0.AddDays(2);
        var fired = new[] { fresh1, stale2, fresh3 }.Select(state =>
        {
            var id = state.InstanceId;
            return Update(state, journal: [Entry(id, 2, JournalEventKind.TimerFired)], timersRemoved: [Timer(id, "t1", T0.AddDays(1))],
                timersScheduled: [Timer(id, "t2", T0.AddDays(8))], bookmarksAdded: [new BookmarkKey("next", id)]);
        }).ToArray();

        var results = await store.CommitManyAsync(fired);

        results.Select(r => r.Status).ShouldBe([CommitStatus.Committed, CommitStatus.VersionConflict, CommitStatus.Committed]);
        (await Load(store, "i1")).Variables!["period"].ShouldBe("2");
        var finished = await Load(store, "i3");
        (finished.Status, finished.FinishedAt, finished.Version).ShouldBe((WorkflowStatus.Completed, (DateTimeOffset?)T0.AddDays(2), 2L));
        (await Load(store, "i2")).Version.ShouldBe(2, "the other writer's version stands");
        (await store.GetJournalAsync("i1")).ShouldHaveSingleItem().Kind.ShouldBe(JournalEventKind.TimerFired);
        (await store.GetJournalAsync("i2")).ShouldBeEmpty("the stale commit wrote nothing of itself");
        (await store.GetNextTimerDueAtAsync()).ShouldBe(T0.AddDays(1), "i2's first timer is still there");
        var due = await store.ClaimDueTimersAsync(T0.AddDays(30), "host", TimeSpan.FromMinutes(1), 10);
        due.Select(t => (t.InstanceId, t.Id)).ShouldBe([("i1", "t2"), ("i2", "t1"), ("i3", "t2")], ignoreOrder: true);
        (await store.FindInstancesByBookmarkAsync(new BookmarkKey("next", "i1"))).ShouldBe(["i1"]);
        (await store.FindInstancesByBookmarkAsync(new BookmarkKey("next", "i2"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Instances_are_found_by_status()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1")));
        await store.CommitAsync(NewInstance(State("i2", correlation: "c2")));
        var faulted = await Load(store, "i2");
        faulted.Status = WorkflowStatus.Faulted;
        await store.CommitAsync(Update(faulted));

        (await store.FindInstancesByStatusAsync(WorkflowStatus.Running, 10)).ShouldBe(["i1"]);
        (await store.FindInstancesByStatusAsync(WorkflowStatus.Faulted, 10)).ShouldBe(["i2"]);
        (await store.FindInstancesByStatusAsync(WorkflowStatus.Completed, 10)).ShouldBeEmpty();

        var fixedAgain = await Load(store, "i2");
        fixedAgain.Status = WorkflowStatus.Running;
        await store.CommitAsync(Update(fixedAgain));
        (await store.FindInstancesByStatusAsync(WorkflowStatus.Running, 10)).OrderBy(x => x).ShouldBe(["i1", "i2"]);
        (await store.FindInstancesByStatusAsync(WorkflowStatus.Running, 1)).Count.ShouldBe(1);
        (await store.FindInstancesByStatusAsync(WorkflowStatus.Faulted, 10)).ShouldBeEmpty();
    }

    // ---- journal -------------------------------------------------------------------------------

    [Fact]
    public async Task The_journal_is_appended_per_instance_in_order()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1"), journal: [Entry("i1", 1, JournalEventKind.WorkflowStarted), Entry("i1", 2, JournalEventKind.ActivityStarted)]));
        await store.CommitAsync(NewInstance(State("i2", correlation: "c2"), journal: [Entry("i2", 1, JournalEventKind.WorkflowStarted)]));
        var state = await Load(store, "i1");
        await store.CommitAsync(Update(state, journal: [Entry("i1", 3, JournalEventKind.SignalReceived, sender: "reviewer")]));

        var journal = await store.GetJournalAsync("i1");
        journal.Select(e => e.Sequence).ShouldBe([1L, 2L, 3L]);
        journal.Select(e => e.Kind).ShouldBe([JournalEventKind.WorkflowStarted, JournalEventKind.ActivityStarted, JournalEventKind.SignalReceived]);
        journal[2].Sender.ShouldBe("reviewer");
        journal[2].At.ShouldBe(T0.AddMinutes(3));
        (await store.GetJournalAsync("i1", afterSequence: 2)).Select(e => e.Sequence).ShouldBe([3L]);
        (await store.GetJournalAsync("i2")).Count.ShouldBe(1);
        (await store.GetJournalAsync("nope")).ShouldBeEmpty();
    }

    // ---- atomicity -----------------------------------------------------------------------------

    [Fact]
    public async Task A_rejected_commit_changes_nothing_at_all()
    {
        var store = CreateStore();
        var timer = Timer("i1", "t1", T0.AddDays(1));
        await store.CommitAsync(NewInstance(State("i1"), journal: [Entry("i1", 1, JournalEventKind.WorkflowStarted)]));
        var item = await Enqueue(store, "sig", "c", "k1");
        (await store.CompleteInboxItemAsync(item.Id)).ShouldBeTrue();

        var state = await Load(store, "i1");
        state.Timers.Add(timer);
        var rejected = await store.CommitAsync(Update(state,
            journal: [Entry("i1", 2, JournalEventKind.TimerScheduled)],
            bookmarksAdded: [new BookmarkKey("gate", "c")],
            timersScheduled: [timer],
            delivered: [item.Id],
            completed: [item.Id]));

        rejected.Status.ShouldBe(CommitStatus.InboxItemNotPending);
        rejected.InboxItemId.ShouldBe(item.Id);
        (await Load(store, "i1")).Version.ShouldBe(1);
        (await store.GetJournalAsync("i1")).Count.ShouldBe(1);
        (await store.FindInstancesByBookmarkAsync(new BookmarkKey("gate", "c"))).ShouldBeEmpty();
        (await store.GetNextTimerDueAtAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task A_commit_applies_state_journal_timers_bookmarks_and_inbox_together()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1")));
        var item = await Enqueue(store, "approved", "doc-1", "k1");
        var timer = Timer("i1", "t1", T0.AddDays(3));

        var state = await Load(store, "i1");
        state.Timers.Add(timer);
        var result = await store.CommitAsync(Update(state,
            journal: [Entry("i1", 1, JournalEventKind.SignalReceived)],
            bookmarksAdded: [new BookmarkKey("next", "doc-1")],
            timersScheduled: [timer],
            delivered: [item.Id],
            completed: [item.Id]));

        result.Status.ShouldBe(CommitStatus.Committed);
        (await Load(store, "i1")).Version.ShouldBe(2);
        (await store.GetJournalAsync("i1")).Count.ShouldBe(1);
        (await store.FindInstancesByBookmarkAsync(new BookmarkKey("next", "doc-1"))).ShouldBe(["i1"]);
        (await store.GetNextTimerDueAtAsync()).ShouldBe(T0.AddDays(3));
        (await store.GetInboxItemAsync(item.Id))!.Status.ShouldBe(InboxItemStatus.Completed);
        (await store.FindPendingSignalsAsync([new BookmarkKey("approved", "doc-1")], T0)).ShouldBeEmpty();
    }

    // ---- bookmark index ------------------------------------------------------------------------

    [Fact]
    public async Task The_bookmark_index_follows_commits()
    {
        var store = CreateStore();
        var gate = new BookmarkKey("approved", "doc-1/reviewer");
        await store.CommitAsync(NewInstance(State("i1"), bookmarksAdded: [gate]));
        await store.CommitAsync(NewInstance(State("i2", correlation: "c2"), bookmarksAdded: [gate, new BookmarkKey("other", "x")]));

        (await store.FindInstancesByBookmarkAsync(gate)).OrderBy(x => x).ShouldBe(["i1", "i2"]);
        (await store.FindInstancesByBookmarkAsync(new BookmarkKey("approved", "doc-1"))).ShouldBeEmpty();
        (await store.FindInstancesByBookmarkAsync(new BookmarkKey("Approved", "doc-1/reviewer"))).ShouldBeEmpty();

        await store.CommitAsync(Update(await Load(store, "i1"), bookmarksRemoved: [gate]));
        (await store.FindInstancesByBookmarkAsync(gate)).ShouldBe(["i2"]);
    }

    // ---- timers --------------------------------------------------------------------------------

    [Fact]
    public async Task Due_timers_are_claimed_earliest_first_across_instances()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(WithTimers(State("i1"), Timer("i1", "t1", T0.AddDays(5)), Timer("i1", "t2", T0.AddDays(1))), timersScheduled: null));
        await store.CommitAsync(NewInstance(WithTimers(State("i2", correlation: "c2"), Timer("i2", "t1", T0.AddDays(3)), Timer("i2", "t2", T0.AddDays(30)))));

        (await store.GetNextTimerDueAtAsync()).ShouldBe(T0.AddDays(1));
        (await store.ClaimDueTimersAsync(T0, "host-a", Lease, 10)).ShouldBeEmpty();

        var due = await store.ClaimDueTimersAsync(T0.AddDays(5), "host-a", Lease, 10);
        due.Select(t => (t.InstanceId, t.Id, t.DueAt)).ShouldBe([("i1", "t2", T0.AddDays(1)), ("i2", "t1", T0.AddDays(3)), ("i1", "t1", T0.AddDays(5))]);

        var limited = await store.ClaimDueTimersAsync(T0.AddDays(40), "host-a", Lease, 2);
        limited.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_claimed_timer_is_nobody_elses_until_its_lease_runs_out()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(WithTimers(State("i1"), Timer("i1", "t1", T0))));

        (await store.ClaimDueTimersAsync(T0, "host-a", Lease, 10)).Count.ShouldBe(1);
        (await store.ClaimDueTimersAsync(T0.AddSeconds(30), "host-b", Lease, 10)).ShouldBeEmpty();
        (await store.ClaimDueTimersAsync(T0.AddSeconds(30), "host-a", Lease, 10)).Count.ShouldBe(1, "the holder may renew its own claim");

        var stolen = await store.ClaimDueTimersAsync(T0.AddSeconds(30) + Lease + TimeSpan.FromSeconds(1), "host-b", Lease, 10);
        stolen.Single().Id.ShouldBe("t1");
        (await store.ClaimDueTimersAsync(T0.AddMinutes(2), "host-a", Lease, 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Concurrent_claimers_never_share_a_timer()
    {
        var store = CreateStore();
        for (var i = 0; i < 50; i++)
        {
            await store.CommitAsync(NewInstance(WithTimers(State($"i{i}", correlation: $"c{i}"), Timer($"i{i}", "t1", T0))));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(n =>
            Task.Run(async () => await store.ClaimDueTimersAsync(T0, $"host-{n}", Lease, 20))));

        var all = claims.SelectMany(c => c).Select(t => t.InstanceId).ToList();
        all.Count.ShouldBe(50);
        all.Distinct().Count().ShouldBe(50);
    }

    [Fact]
    public async Task A_removed_timer_leaves_the_index_with_its_claim()
    {
        var store = CreateStore();
        var t1 = Timer("i1", "t1", T0);
        var t2 = Timer("i1", "t2", T0.AddHours(1));
        await store.CommitAsync(NewInstance(WithTimers(State("i1"), t1, t2)));
        (await store.ClaimDueTimersAsync(T0, "host-a", Lease, 10)).Count.ShouldBe(1);

        var state = await Load(store, "i1");
        state.Timers.RemoveAll(t => t.Id == "t1");
        await store.CommitAsync(Update(state, timersRemoved: [t1]));

        (await store.GetNextTimerDueAtAsync()).ShouldBe(T0.AddHours(1));
        var later = await store.ClaimDueTimersAsync(T0.AddDays(1), "host-b", Lease, 10);
        later.Select(t => t.Id).ShouldBe(["t2"]);
    }

    // ---- inbox ---------------------------------------------------------------------------------

    [Fact]
    public async Task A_signal_with_a_known_idempotency_key_is_not_stored_twice()
    {
        var store = CreateStore();
        var first = await store.EnqueueSignalAsync(Item("a", "approved", "doc-1", "key-1"));
        var second = await store.EnqueueSignalAsync(Item("b", "approved", "doc-1", "key-1"));

        first.Accepted.ShouldBeTrue();
        second.Accepted.ShouldBeFalse();
        second.Item.Id.ShouldBe("a");
        (await store.GetInboxItemAsync("b")).ShouldBeNull();
        (await store.FindPendingSignalsAsync([new BookmarkKey("approved", "doc-1")], T0)).Select(i => i.Id).ShouldBe(["a"]);

        (await store.CompleteInboxItemAsync("a")).ShouldBeTrue();
        (await store.EnqueueSignalAsync(Item("c", "approved", "doc-1", "key-1"))).Accepted.ShouldBeFalse("keys outlive their items' completion");
    }

    [Fact]
    public async Task Signals_stored_together_answer_in_order_each_as_if_stored_alone()
    {
        var store = CreateStore();
        await store.EnqueueSignalAsync(Item("a", "approved", "doc-1", "key-1"));

        var results = await store.EnqueueSignalsAsync([Item("b", "approved", "doc-1", "key-1"), Item("c", "approved", "doc-2", "key-2"), Item("d", "approved", "doc-2", "key-2"), Item("e", "visited", "doc-3", "key-3")]);

        results.Select(r => (r.Accepted, r.Item.Id)).ShouldBe([(false, "a"), (true, "c"), (false, "c"), (true, "e")]);
        (await store.GetInboxItemAsync("d")).ShouldBeNull();
        (await store.FindPendingSignalsAsync([new BookmarkKey("approved", "doc-2"), new BookmarkKey("visited", "doc-3")], T0)).Select(i => i.Id).Order().ShouldBe(["c", "e"]);
    }

    [Fact]
    public async Task Pending_signals_are_found_by_key_oldest_first_until_they_expire()
    {
        var store = CreateStore();
        await store.EnqueueSignalAsync(Item("a", "approved", "doc-1", "k-a", expiresAt: T0.AddDays(10)));
        await store.EnqueueSignalAsync(Item("b", "returned", "doc-1", "k-b"));
        await store.EnqueueSignalAsync(Item("c", "approved", "doc-1", "k-c", expiresAt: T0.AddDays(1)));
        var key = new BookmarkKey("approved", "doc-1");

        (await store.FindPendingSignalsAsync([key], T0)).Select(i => i.Id).ShouldBe(["a", "c"]);
        (await store.FindPendingSignalsAsync([key], T0.AddDays(2))).Select(i => i.Id).ShouldBe(["a"]);
        (await store.FindPendingSignalsAsync([key, new BookmarkKey("returned", "doc-1")], T0)).Select(i => i.Id).ShouldBe(["a", "b", "c"]);
        (await store.FindPendingSignalsAsync([new BookmarkKey("approved", "doc-2")], T0)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Inbox_claims_are_leased_and_expired_items_are_settled()
    {
        var store = CreateStore();
        await store.EnqueueSignalAsync(Item("a", "s", "1", "k-a"));
        await store.EnqueueSignalAsync(Item("b", "s", "2", "k-b", expiresAt: T0.AddHours(1)));
        await store.EnqueueSignalAsync(Item("c", "s", "3", "k-c"));

        (await store.ClaimInboxAsync(T0, "host-a", Lease, 2)).Select(i => i.Id).ShouldBe(["a", "b"]);
        (await store.ClaimInboxAsync(T0, "host-b", Lease, 10)).Select(i => i.Id).ShouldBe(["c"]);
        (await store.ClaimInboxAsync(T0, "host-a", Lease, 10)).ShouldBeEmpty();

        var later = await store.ClaimInboxAsync(T0.AddHours(2), "host-b", Lease, 10);
        later.Select(i => i.Id).ShouldBe(["a", "c"]);
        (await store.GetInboxItemAsync("b"))!.Status.ShouldBe(InboxItemStatus.Expired);
        (await store.CompleteInboxItemAsync("b")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_fanned_out_signal_is_delivered_once_per_instance()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1")));
        await store.CommitAsync(NewInstance(State("i2", correlation: "c2")));
        var item = await Enqueue(store, "deadline-moved", "all", "k1");

        (await store.CommitAsync(Update(await Load(store, "i1"), delivered: [item.Id]))).Status.ShouldBe(CommitStatus.Committed);
        var again = await store.CommitAsync(Update(await Load(store, "i1"), delivered: [item.Id]));
        again.Status.ShouldBe(CommitStatus.AlreadyDelivered);
        (await Load(store, "i1")).Version.ShouldBe(2);

        (await store.CommitAsync(Update(await Load(store, "i2"), delivered: [item.Id]))).Status.ShouldBe(CommitStatus.Committed);
        (await store.GetInboxItemAsync(item.Id))!.Status.ShouldBe(InboxItemStatus.Pending);
        (await store.CompleteInboxItemAsync(item.Id)).ShouldBeTrue();
        (await store.CompleteInboxItemAsync(item.Id)).ShouldBeFalse();
        (await store.CommitAsync(Update(await Load(store, "i2"), delivered: [item.Id]))).Status.ShouldBe(CommitStatus.InboxItemNotPending);
    }

    [Fact]
    public async Task Two_instances_racing_to_consume_one_signal_cannot_both_win()
    {
        var store = CreateStore();
        await store.CommitAsync(NewInstance(State("i1")));
        await store.CommitAsync(NewInstance(State("i2", correlation: "c2")));
        var item = await Enqueue(store, "approved", "doc", "k1");
        var s1 = await Load(store, "i1");
        var s2 = await Load(store, "i2");

        var results = await Task.WhenAll(
            Task.Run(async () => await store.CommitAsync(Update(s1, delivered: [item.Id], completed: [item.Id]))),
            Task.Run(async () => await store.CommitAsync(Update(s2, delivered: [item.Id], completed: [item.Id]))));

        results.Count(r => r.Status == CommitStatus.Committed).ShouldBe(1);
        results.Count(r => r.Status == CommitStatus.InboxItemNotPending).ShouldBe(1);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static WorkflowInstanceState State(string id, string definition = "def", string correlation = "c1") => new()
    {
        InstanceId = id,
        DefinitionId = definition,
        DefinitionVersion = 1,
        CorrelationKey = correlation,
        Status = WorkflowStatus.Running,
        Version = 1,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    private static WorkflowInstanceState RichState(string id)
    {
        var state = State(id);
        state.NextExecutionId = 3;
        state.NextTimerNumber = 2;
        state.NextJournalSequence = 9;
        state.Executions.Add(new ActivityExecution { Id = 1, ActivityId = "root", Counter = 1, StartedAt = T0 });
        state.Executions.Add(new ActivityExecution { Id = 2, ActivityId = "gate", ParentId = 1, StartedAt = T0, Status = ActivityExecutionStatus.Faulted, Locals = new() { ["tries"] = "2" } });
        state.Bookmarks.Add(new Bookmark { Name = "approved", Correlation = "doc-1", ExecutionId = 2, ActivityId = "gate", Kind = BookmarkKind.Task, CreatedAt = T0 });
        state.Timers.Add(Timer(id, "t1", T0.AddDays(1)));
        state.Incidents.Add(new Incident { Id = 1, ExecutionId = 2, ActivityId = "gate", ExceptionType = "System.Exception", Message = "boom", OccurredAt = T0 });
        state.Variables = new() { ["x"] = "1" };
        return state;
    }

    private static WorkflowInstanceState WithTimers(WorkflowInstanceState state, params ScheduledTimer[] timers)
    {
        state.Timers.AddRange(timers);
        return state;
    }

    private static ScheduledTimer Timer(string instanceId, string id, DateTimeOffset due) =>
        new() { Id = id, InstanceId = instanceId, ExecutionId = 1, DueAt = due, Tag = "tag" };

    private static JournalEntry Entry(string instanceId, long sequence, JournalEventKind kind, string? sender = null) =>
        new() { InstanceId = instanceId, Sequence = sequence, At = T0.AddMinutes(sequence), Kind = kind, Sender = sender };

    private static InboxItem Item(string id, string name, string correlation, string key, DateTimeOffset? expiresAt = null) => new()
    {
        Id = id,
        IdempotencyKey = key,
        Signal = new Signal(name, correlation) { IdempotencyKey = key, Sender = "tester" },
        ReceivedAt = T0,
        ExpiresAt = expiresAt ?? T0.AddDays(30),
        Status = InboxItemStatus.Pending,
    };

    private static async Task<InboxItem> Enqueue(IWorkflowStore store, string name, string correlation, string key)
    {
        var result = await store.EnqueueSignalAsync(Item(key + "-item", name, correlation, key));
        result.Accepted.ShouldBeTrue();
        return result.Item;
    }

    private static async Task<WorkflowInstanceState> Load(IWorkflowStore store, string id) =>
        (await store.GetInstanceAsync(id)).ShouldNotBeNull();

    private static WorkflowCommit NewInstance(WorkflowInstanceState state, IReadOnlyList<JournalEntry>? journal = null,
        IReadOnlyList<BookmarkKey>? bookmarksAdded = null, IReadOnlyList<ScheduledTimer>? timersScheduled = null) => new()
        {
            Instance = state,
            ExpectedVersion = 0,
            Journal = journal ?? [],
            BookmarksAdded = bookmarksAdded ?? [],
            TimersScheduled = timersScheduled ?? state.Timers.ToList(),
        };

    private static WorkflowCommit Update(WorkflowInstanceState state, IReadOnlyList<JournalEntry>? journal = null,
        IReadOnlyList<BookmarkKey>? bookmarksAdded = null, IReadOnlyList<BookmarkKey>? bookmarksRemoved = null,
        IReadOnlyList<ScheduledTimer>? timersScheduled = null, IReadOnlyList<ScheduledTimer>? timersRemoved = null,
        IReadOnlyList<string>? delivered = null, IReadOnlyList<string>? completed = null)
    {
        var expected = state.Version;
        state.Version = expected + 1;
        return new WorkflowCommit
        {
            Instance = state,
            ExpectedVersion = expected,
            Journal = journal ?? [],
            BookmarksAdded = bookmarksAdded ?? [],
            BookmarksRemoved = bookmarksRemoved ?? [],
            TimersScheduled = timersScheduled ?? [],
            TimersRemoved = timersRemoved ?? [],
            InboxDelivered = delivered ?? [],
            InboxCompleted = completed ?? [],
        };
    }

    private static string Json(WorkflowInstanceState state) => JsonSerializer.Serialize(state);
}
