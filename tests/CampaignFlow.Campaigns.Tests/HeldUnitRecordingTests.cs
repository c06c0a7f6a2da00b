using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// Single-record posts are recorded in groups, one group at a time, and a group takes all its units' locks before it
/// runs (issue 13). A post to a unit whose lock something else holds — here a bulk import paused in its write of the
/// unit's violations, as a slow tick or import is — must not hold up the posts to other units queued behind it; and
/// it must still be recorded after what holds the lock, with the unit's later posts after it.
/// </summary>
public sealed class HeldUnitRecordingTests
{
    private const string Held = "panyu-ftu";
    private const string Other = "mianyang-ftu";
    private static readonly DateOnly Today = CampaignHarness.Day("2014-04-01");

    [Fact]
    public async Task A_post_to_a_unit_held_by_a_bulk_import_waits_for_it_alone_while_posts_to_other_units_are_recorded()
    {
        var h = new CampaignHarness(Today);
        var paused = new PausedViolationWrites(h.Stores.Violations, Held);
        await using var service = await CampaignService.StartAsync(h.Stores with { Violations = paused },
            new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "test" }, NullLogger<CampaignService>.Instance);

        // March's records but the last in one import long enough to run alone, under the unit's lock: its first write of
        // the unit's violations (March's weeks, closed and short before the records) waits.
        var march = DemoLogs.Records("panyu-ftu-2014").Where(r => r.Day < Today).ToArray();
        march.Length.ShouldBeGreaterThan(2);
        var bulk = service.RecordAsync(Held, DemoLogs.Array(march[..^2].Select(r => r.Json)) + new string(' ', 20_000), RecordFormat.Json, "secretary");
        await paused.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // Then single posts: two to the held unit, one to another unit.
        var held = service.RecordAsync(Held, march[^2].Json, RecordFormat.Json, "secretary");
        var heldLater = service.RecordAsync(Held, march[^1].Json, RecordFormat.Json, "secretary");
        var otherRecord = DemoLogs.Records("mianyang-ftu-2014").First(r => r.Day < Today);
        try
        {
            var other = await service.RecordAsync(Other, otherRecord.Json, RecordFormat.Json, "secretary").WaitAsync(TimeSpan.FromSeconds(30));
            other.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Inserted);
            held.IsCompleted.ShouldBeFalse("the held unit's post waits for the import that holds its lock");
            heldLater.IsCompleted.ShouldBeFalse();
        }
        finally
        {
            // Let go whatever happened, so the service can stop.
            paused.Go();
        }

        (await bulk).Records.ShouldAllBe(r => r.Outcome == AppendOutcome.Inserted);
        (await held).Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Inserted);
        (await heldLater).Records.ShouldHaveSingleItem().Outcome.ShouldBe(AppendOutcome.Inserted);

        // Stored in the order they came: the import's records, then the two posts.
        var stored = (await service.ReadRecordsAsync(Held)).ShouldNotBeNull();
        stored.Select(r => r.Key).ShouldBe([.. march.Select(r => r.Key)]);
        stored.Select(r => r.Sequence).ShouldBeInOrder();
    }
}
