using CampaignFlow.Campaigns.Migrating;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Tests.Shared;
using CampaignFlow.Workflows.Timing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// 西关街道 recorded its demo log under version 1 of its plan; its author publishes a version 2 (base visits 2次 →
/// 3次, the 民意快线 deadline 3月底 → 4月底, an action 民意快线回访 at least 2次 added). The unit keeps running version 1
/// until migrated; the dry run says what the move changes, and applying it changes exactly that, on every store. A
/// durable store's test project derives a class from this one.
/// </summary>
public abstract class MigrationConformance : IDisposable
{
    private const string Plan = "weidu-xiguan-street-2014";
    private const string Unit = "weidu-xiguan-street";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly string _definitions = Directory.CreateTempSubdirectory("campaignflow-migration-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2014, 3, 1, 0, 0, 0, China));

    protected MigrationConformance()
    {
        Repository.CopyFolder("definitions", _definitions);
    }

    /// <summary>A new, empty store; the caller disposes it.</summary>
    protected abstract Task<CampaignStores> OpenStoresAsync();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the test's definitions folder; a store's class removes its own files too.</summary>
    protected virtual void Dispose(bool disposing) => Directory.Delete(_definitions, recursive: true);

    [Fact]
    public async Task A_dry_run_predicts_what_applying_the_migration_does_and_a_restart_keeps_the_unit_on_the_new_version()
    {
        await using var stores = await OpenStoresAsync();
        await using (var v1 = await StartAsync(stores))
        {
            var log = await File.ReadAllTextAsync(Path.Combine(_definitions, "activities", Plan + ".yaml"));
            _clock.SetTo(new DateTimeOffset(2014, 5, 1, 0, 0, 0, China));
            (await v1.RecordAsync(Unit, log, RecordFormat.Yaml, "secretary")).Diagnostics.ShouldBeEmpty();
            _clock.SetTo(new DateTimeOffset(2014, 6, 15, 0, 0, 0, China));
            await v1.TickAsync();
        }

        await XiguanVersion2.WriteAsync(_definitions);
        await using var service = await StartAsync(stores);
        service.LoadProblems.ShouldBeEmpty();
        service.PlanVersions(Plan).Select(v => v.Version).ShouldBe([1, 2]);
        service.FindUnit(Unit)!.PlanVersion.ShouldBe(1, "a new version reaches a running unit only by a migration");
        var before = await OpenAsync(service);

        var dryRun = (await service.MigrateAsync(new MigrationRequest(Plan, 2, "admin") { DryRun = true }))!;

        dryRun.Applied.ShouldBeFalse();
        var forecast = dryRun.Units.ShouldHaveSingleItem();
        (forecast.UnitId, forecast.FromVersion, forecast.ToVersion).ShouldBe((Unit, 1, 2));
        forecast.Changes.Select(c => (c.Change, c.Subject, c.Id)).ShouldBe(
            [("changed", "requirement", "base-visits:count-in-window"), ("changed", "requirement", "people-hotline:deadline"), ("added", "action", "hotline-callbacks")], ignoreOrder: true);
        forecast.Opening.Select(v => v.RequirementId).ShouldBe(["hotline-callbacks:count-in-window"]);
        forecast.Resolving.Select(v => v.RequirementId).ShouldBe(["people-hotline:deadline"]);
        var lost = forecast.LostProgress.ShouldHaveSingleItem();
        (lost.Kind, lost.Id).ShouldBe(("window-moved", "people-hotline"));
        lost.MessageZh.ShouldContain("2014年3月");
        lost.MessageEn.ShouldContain("has already closed and version 2 moves it to");
        (await OpenAsync(service)).ShouldBe(before, "a dry run writes nothing");
        service.FindUnit(Unit)!.PlanVersion.ShouldBe(1);

        var refused = await Should.ThrowAsync<MigrationRefusedException>(() => service.MigrateAsync(new MigrationRequest(Plan, 2, "admin")));
        refused.Code.ShouldBe("lost-progress");
        refused.MessageZh.ShouldContain("迁移到第 2 版将丢失已有进度：weidu-xiguan-street：");
        refused.MessageEn.ShouldContain("--accept-lost-progress");
        (await OpenAsync(service)).ShouldBe(before, "a refused migration writes nothing");

        var applied = (await service.MigrateAsync(new MigrationRequest(Plan, 2, "admin") { AcceptLostProgress = true }))!;

        applied.Applied.ShouldBeTrue();
        var done = applied.Units.ShouldHaveSingleItem();
        done.Opening.ShouldBe(forecast.Opening);
        done.Resolving.ShouldBe(forecast.Resolving);
        var after = await OpenAsync(service);
        after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).ShouldBe(forecast.Opening.Select(v => v.Key), "what opened is what the dry run said");
        before.Keys.Except(after.Keys).Order(StringComparer.Ordinal).ShouldBe(forecast.Resolving.Select(v => v.Key), "what resolved is what the dry run said");
        after.Values.ShouldAllBe(v => v.PlanVersion == 2, "the open violations are the new version's");
        service.FindUnit(Unit)!.PlanVersion.ShouldBe(2);
        (await service.GetStateAsync(Unit))!.WorkflowStatus.ShouldBe("Running");

        await using var restarted = await StartAsync(stores);
        restarted.FindUnit(Unit)!.PlanVersion.ShouldBe(2, "a migration survives a restart");
        await restarted.TickAsync();
        (await OpenAsync(restarted)).ShouldBe(after);
        var step = (await restarted.GetMigrationsAsync(Unit)).ShouldHaveSingleItem();
        (step.FromVersion, step.ToVersion, step.By, step.At).ShouldBe((1, 2, "admin", new DateTimeOffset(2014, 6, 15, 0, 0, 0, China)));
    }

    private Task<CampaignService> StartAsync(CampaignStores stores) =>
        CampaignService.StartAsync(stores, new CampaignOptions { DefinitionsPath = _definitions, Clock = _clock, HostId = "test" }, NullLogger<CampaignService>.Instance);

    // The unit's open violations by their id without the plan version, which is what a migration changes.
    private static async Task<Dictionary<string, StoredViolation>> OpenAsync(CampaignService service) =>
        (await service.QueryViolationsAsync(new ViolationQuery { Units = [Unit], Status = ViolationStatus.Open, Limit = 1000 })).Items
            .ToDictionary(v => v.Id[(v.Id.IndexOf('/', v.Id.IndexOf('@', StringComparison.Ordinal)) + 1)..], StringComparer.Ordinal);
}
