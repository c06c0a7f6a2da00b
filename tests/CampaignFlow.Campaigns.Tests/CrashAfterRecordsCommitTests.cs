using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A host killed after a batch of records committed and before their violations and signals were stored (issue 14,
/// finding 1): the next host on the same stores finishes the work by itself, with no new write, and ends where a host
/// that never crashed ends.
/// </summary>
public sealed class CrashAfterRecordsCommitTests
{
    private const string Unit = "mianyang-ftu";
    private static readonly DateOnly Today = CampaignHarness.Day("2014-06-11");

    [Fact]
    public async Task A_new_service_shows_the_violations_and_opens_the_gates_of_records_stored_before_the_crash()
    {
        // 绵阳市总工会's log up to 11 June in one batch: study weeks that resolve violations, the team's self-examination
        // approved by its principal and the supervision group, which opens the gate of the democratic life meeting.
        var batch = DemoLogs.Array(DemoLogs.Records("mianyang-ftu-2014").Where(r => r.Day <= Today).Select(r => r.Json));
        var expected = await WithoutCrashAsync(batch);

        var h = new CampaignHarness(Today);
        var killed = h.Stores with { Records = new KilledAfterCommit(h.Stores.Records) };
        var first = await CampaignService.StartAsync(killed, new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "first" }, NullLogger<CampaignService>.Instance);
        await h.TickToAsync(first, Today, 12);
        var before = await OpenAsync(first);
        await Should.ThrowAsync<HostKilledException>(() => first.RecordAsync(Unit, batch, RecordFormat.Json, "secretary"));
        await first.DisposeAsync();
        (await h.Stores.Records.CountUnitAsync(Unit)).ShouldBeGreaterThan(10, "the batch committed before the host died");
        (await OpenAsync(first)).ShouldBe(before, "nothing of the batch was judged");

        // The next host: started and ticked as the server does, on the same clock; nobody writes. It tells its host
        // which unit it brought up to date, and from where, for the operator's line (issue 17).
        var caughtUp = new List<UnitWatermark>();
        await using var second = await CampaignService.StartAsync(h.Stores,
            new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "second", CaughtUp = new SynchronousProgress(caughtUp.Add) },
            NullLogger<CampaignService>.Instance);
        await second.TickAsync(CancellationToken.None);
        var mark = caughtUp.Where(u => u.Unit == Unit).ShouldHaveSingleItem();
        mark.RecordedThrough.ShouldBeGreaterThan(mark.JudgedThrough);

        var open = await OpenAsync(second);
        open.ShouldNotBe(before);
        open.ShouldBe(expected.Open);
        var state = await WorkflowTests.StateAsync(second, Unit);
        state.WaitingGates.ShouldNotContain(g => g.ActionId == "team-self-examination");
        state.WaitingGates.Select(g => g.ActionId).ShouldBe(expected.State.WaitingGates.Select(g => g.ActionId));
        state.OpenActions.ShouldBe(expected.State.OpenActions);
        state.Phases.ShouldBe(expected.State.Phases);
        (await h.Stores.Records.GetWatermarkAsync(Unit)).ShouldNotBeNull().IsBehind(h.Clock.GetUtcNow()).ShouldBeFalse();
    }

    // Progress<T> posts to the thread pool; the test reads what was reported as soon as the tick returns.
    private sealed class SynchronousProgress(Action<UnitWatermark> report) : IProgress<UnitWatermark>
    {
        public void Report(UnitWatermark value) => report(value);
    }

    private static async Task<(IReadOnlyList<(string Id, string Details)> Open, UnitCampaignState State)> WithoutCrashAsync(string batch)
    {
        var h = new CampaignHarness(Today);
        await using var service = await h.StartAsync();
        await h.TickToAsync(service, Today, 12);
        var result = await service.RecordAsync(Unit, batch, RecordFormat.Json, "secretary");
        result.HasErrors.ShouldBeFalse(string.Join("\n", result.Diagnostics));
        return (await OpenAsync(service), await WorkflowTests.StateAsync(service, Unit));
    }

    private static async Task<IReadOnlyList<(string Id, string Details)>> OpenAsync(CampaignService service) =>
        (await service.QueryViolationsAsync(new ViolationQuery { Units = [Unit], Status = ViolationStatus.Open, Limit = 1000 })).Items.Select(v => (v.Id, v.Details)).ToArray();
}
