using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A host stopping while a group of recordings still writes (issue 13's group commit): a caller that stopped waiting
/// (its request cancelled at shutdown) does not stop a write already begun, so the service must not close its stores
/// under it. It refuses new recordings at once and stops once the running group is done; the next start finds the
/// record at most once.
/// </summary>
public sealed class StoppingWhileRecordingTests
{
    private const string Unit = "panyu-ftu";
    private static readonly DateOnly Today = CampaignHarness.Day("2014-04-01");

    [Fact]
    public async Task A_service_stopped_while_a_cancelled_callers_group_writes_refuses_new_recordings_and_stops_after_the_group()
    {
        var h = new CampaignHarness(Today);
        var paused = new PausedViolationWrites(h.Stores.Violations, Unit, cancellable: false);
        var options = new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "test" };
        var service = await CampaignService.StartAsync(h.Stores with { Violations = paused }, options, NullLogger<CampaignService>.Instance);

        // A record of a week already closed and short: recording it rewrites the unit's violations, where it pauses.
        var record = DemoLogs.Records("panyu-ftu-2014").First(r => r.Day < Today);
        using var caller = new CancellationTokenSource();
        var posted = service.RecordAsync(Unit, record.Json, RecordFormat.Json, "secretary", caller.Token);
        await paused.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // The caller gives up, then the host stops.
        await caller.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(posted);
        var stopping = service.DisposeAsync().AsTask();
        try
        {
            await Should.ThrowAsync<ObjectDisposedException>(
                service.RecordAsync("mianyang-ftu", DemoLogs.Records("mianyang-ftu-2014").First(r => r.Day < Today).Json, RecordFormat.Json, "secretary"));
            stopping.IsCompleted.ShouldBeFalse("the service stops only after the group that is writing");
        }
        finally
        {
            paused.Go();
        }

        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        // The cancelled caller was never told the record was stored; the next start finds it at most once, and records
        // again as before.
        await using var restarted = await CampaignService.StartAsync(h.Stores, options, NullLogger<CampaignService>.Instance);
        (await restarted.ReadRecordsAsync(Unit)).ShouldNotBeNull().Count(r => r.Key == record.Key).ShouldBeLessThanOrEqualTo(1);
        var again = await restarted.RecordAsync(Unit, record.Json, RecordFormat.Json, "secretary");
        again.Records.ShouldHaveSingleItem().Outcome.ShouldBeOneOf(AppendOutcome.Inserted, AppendOutcome.Duplicate);
        (await restarted.ReadRecordsAsync(Unit)).ShouldNotBeNull().Count(r => r.Key == record.Key).ShouldBe(1);
    }
}
