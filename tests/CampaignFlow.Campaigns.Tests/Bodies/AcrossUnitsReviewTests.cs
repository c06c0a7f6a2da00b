using System.Reflection;
using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests.Bodies;

/// <summary>Review of issue 12 item 2: defects found in a body's requirements over the units below it.</summary>
public sealed class AcrossUnitsReviewTests
{
    [Fact]
    public async Task An_across_requirement_ordered_after_another_action_reads_the_units_records_of_that_action_too()
    {
        // 各单位在召开动员大会后开展群众评价: every unit held its mobilisation and then its evaluation. The body's session must
        // hold the units' mobilisation records too, or every unit is "behind" for an order it kept.
        using var folder = new BodyFolder("""
            - id: mobilise
              title: 召开动员大会
              activity: mobilisation
            - id: units-evaluated
              title: 各单位动员后开展群众评价
              activity: mass-evaluation
              after: [mobilise]
              acrossUnits: { kinds: [street] }
            """);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        service.LoadProblems.ShouldBeEmpty();
        await RecordAsync(service, BodyFolder.District, "- { key: mobilisation, activity: mobilisation, on: 2014-03-05 }");
        foreach (var street in BodyFolder.Streets)
        {
            await RecordAsync(service, street, """
                - { key: mobilisation, activity: mobilisation, on: 2014-03-10 }
                - { key: evaluation, activity: mass-evaluation, on: 2014-04-10 }
                """);
        }

        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        var open = await h.OpenAsync(service, BodyFolder.District);
        open.Select(v => $"{v.RequirementId}: {v.MessageZh} {string.Join(";", Missing(v))}").ShouldBeEmpty("every street mobilised before it evaluated");
    }

    [Fact]
    public async Task A_hosts_body_session_that_read_past_a_record_committed_late_on_another_host_does_not_keep_a_wrong_verdict()
    {
        // Two hosts on one store. On PostgreSQL, records of different units commit in any order: host A's catch-up of
        // the body may read sequence n+1 before n (北大街道's, recorded on host B) has committed. Host B hands 北大's
        // record to its own session of the district only; host A's session never reads it again, and every later
        // persist from host A stores its view: 3 of 5 units where 4 of 5 did it.
        using var folder = new BodyFolder("""
            - id: units-evaluated
              title: 80%以上的单位开展群众评价
              activity: mass-evaluation
              acrossUnits: 80%
            """);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        var lateCommit = HidingRecordStore.Create(h.Stores.Records, r => r.Unit == "weidu-beida-street");
        await using var hostA = await StartAsync(h, h.Stores with { Records = lateCommit }, "host-a");
        await using var hostB = await StartAsync(h, h.Stores, "host-b");
        await h.TickToAsync(hostA, CampaignHarness.Day("2014-06-01"));
        await hostB.TickAsync(CancellationToken.None);

        await RecordAsync(hostA, "weidu-xida-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-02 }");
        await RecordAsync(hostB, "weidu-beida-street", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-03 }");
        HidingRecordStore.Hiding(lateCommit, true); // 北大's commit is late as host A reads the next ones
        await RecordAsync(hostA, "weidu-chunqiu-community", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-04 }");
        HidingRecordStore.Hiding(lateCommit, false); // committed now
        await RecordAsync(hostA, "weidu-jianshelu-community", "- { key: evaluation, activity: mass-evaluation, on: 2014-04-05 }");
        await h.TickToAsync(hostA, CampaignHarness.Day("2014-07-01"));
        await hostB.TickAsync(CancellationToken.None);

        (await h.OpenAsync(hostA, BodyFolder.District)).Select(v => v.MessageZh).ShouldBeEmpty("4 of the 5 units held it: 80%");
    }

    [Fact]
    public async Task AfterBody_counts_from_the_bodys_own_record_of_the_subject_not_of_another_action_it_is_ordered_after()
    {
        // 各单位在区委开展群众评价后10天内开展（动员之后）: the district evaluated on 03-20, every street on 03-25. The
        // order requirement of the action reads the mobilisations too; its ten days must still start at the district's
        // evaluation (03-20), not at its mobilisation (03-01), and count the streets' evaluations, not their mobilisations.
        using var folder = new BodyFolder("""
            - id: mobilise
              title: 召开动员大会
              activity: mobilisation
            - id: units-evaluated
              title: 各单位在区委之后10天内开展群众评价
              activity: mass-evaluation
              after: [mobilise]
              acrossUnits: { kinds: [street], afterBody: 10天 }
            """);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        service.LoadProblems.ShouldBeEmpty();
        await RecordAsync(service, BodyFolder.District, """
            - { key: mobilisation, activity: mobilisation, on: 2014-03-01 }
            - { key: evaluation, activity: mass-evaluation, on: 2014-03-20 }
            """);
        foreach (var street in BodyFolder.Streets)
        {
            await RecordAsync(service, street, """
                - { key: mobilisation, activity: mobilisation, on: 2014-03-15 }
                - { key: evaluation, activity: mass-evaluation, on: 2014-03-25 }
                """);
        }

        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));

        (await h.OpenAsync(service, BodyFolder.District)).Select(v => $"{v.RequirementId}: {string.Join(";", Missing(v))}")
            .ShouldBeEmpty("every street evaluated 5 days after the district did, and after its own mobilisation");
    }

    // The rebuild interval is real time (a month of the manual clock is an instant): zero rebuilds at every reconcile pass.
    private static Task<CampaignService> StartAsync(CampaignHarness h, CampaignStores stores, string host) =>
        CampaignService.StartAsync(stores, new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = host, BodyRebuildInterval = TimeSpan.Zero },
            NullLogger<CampaignService>.Instance, CancellationToken.None);

    /// <summary>A record store whose ReadKindsAsync does not yet see some records, as a reader does while their transaction has not committed.</summary>
    public class HidingRecordStore : DispatchProxy
    {
        private IRecordStore _inner = null!;
        private Func<StoredRecord, bool> _hidden = null!;
        private bool _hiding;

        public static IRecordStore Create(IRecordStore inner, Func<StoredRecord, bool> hidden)
        {
            var proxy = Create<IRecordStore, HidingRecordStore>();
            var self = (HidingRecordStore)(object)proxy;
            self._inner = inner;
            self._hidden = hidden;
            return proxy;
        }

        public static void Hiding(IRecordStore store, bool hiding) => ((HidingRecordStore)(object)store)._hiding = hiding;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var result = targetMethod!.Invoke(_inner, args);
            if (_hiding && targetMethod.Name == nameof(IRecordStore.ReadKindsAsync))
            {
                var read = ((ValueTask<IReadOnlyList<StoredRecord>>)result!).AsTask().GetAwaiter().GetResult();
                return new ValueTask<IReadOnlyList<StoredRecord>>(read.Where(r => !_hidden(r)).ToArray());
            }

            return result;
        }
    }

    internal static async Task RecordAsync(CampaignService service, string unit, string yaml)
    {
        var result = await service.RecordAsync(unit, yaml, RecordFormat.Yaml, "secretary");
        result.Diagnostics.ShouldBeEmpty();
        result.Refusal.ShouldBeNull();

        // As the server's loop does, woken by the record: the bodies above take it at the tick.
        await service.TickAsync(CancellationToken.None);
    }

    internal static IReadOnlyList<string> Missing(StoredViolation violation)
    {
        using var details = JsonDocument.Parse(violation.Details);
        return details.RootElement.TryGetProperty("evidence", out var e) && e.TryGetProperty("missing", out var m)
            ? [.. m.EnumerateArray().Select(x => x.GetString()!)]
            : [];
    }
}
