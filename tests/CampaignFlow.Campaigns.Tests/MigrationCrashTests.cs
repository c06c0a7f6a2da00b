using System.Reflection;
using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Migrating;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;
using CampaignFlow.Tests.Shared;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Persistence.InMemory;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// The host dies in the middle of migrating 西关街道 to version 2: the new instance is started, the old one not yet
/// cancelled, no violation written; or earlier, with the migration stored in the unit's record log and nothing else.
/// Either way the next start's first pass has the unit on version 2, version 1's instance cancelled, and the open
/// violations what the dry run said (docs/adr/0015, docs/adr/0026).
/// </summary>
public sealed class MigrationCrashTests : IDisposable
{
    private readonly string _definitions = Directory.CreateTempSubdirectory("campaignflow-migration-crash-").FullName;

    public MigrationCrashTests()
    {
        Repository.CopyFolder("definitions", _definitions);
    }

    public void Dispose() => Directory.Delete(_definitions, recursive: true);

    [Fact]
    public async Task A_host_killed_between_starting_the_new_instance_and_cancelling_the_old_converges_at_the_next_start()
    {
        var (workflows, killer) = KilledAtCommit.Wrap(new InMemoryWorkflowStore(), c => c.Instance.Status == WorkflowStatus.Cancelled);
        var stores = new CampaignStores(workflows, new InMemoryRecordStore(), new InMemoryViolationStore(), new InMemoryPlanStore());
        var h = new CampaignHarness(CampaignHarness.Day("2014-05-01"), _definitions);
        var (_, before, forecast) = await RecordThenMigrateKilledAsync(h, stores, killer);

        await using var restarted = await StartAsync(h, stores);
        restarted.FindUnit(XiguanVersion2.Unit)!.PlanVersion.ShouldBe(2, "the instance started last is the one kept");
        var old = await workflows.FindInstanceIdAsync(XiguanVersion2.Plan, XiguanVersion2.Unit + "@1");
        (await workflows.GetInstanceAsync(old!))!.Status.ShouldBe(WorkflowStatus.Cancelled);
        await restarted.TickAsync();

        var after = await OpenAsync(restarted);
        var unit = forecast.Units.ShouldHaveSingleItem();
        after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).ShouldBe(unit.Opening.Select(v => v.Key));
        before.Keys.Except(after.Keys).Order(StringComparer.Ordinal).ShouldBe(unit.Resolving.Select(v => v.Key));
        after.Values.ShouldAllBe(v => v.PlanVersion == 2);
    }

    [Fact]
    public async Task A_host_killed_after_storing_the_migration_before_starting_the_new_instance_has_it_carried_out_at_the_next_start()
    {
        // Killed as it commits the new version's instance: only the migration's entry in the record log is stored.
        var (workflows, killer) = KilledAtCommit.Wrap(new InMemoryWorkflowStore(), c => c.ExpectedVersion == 0 && c.Instance.CorrelationKey == XiguanVersion2.Unit + "@2");
        var records = new InMemoryRecordStore();
        var stores = new CampaignStores(workflows, records, new InMemoryViolationStore(), new InMemoryPlanStore());
        var h = new CampaignHarness(CampaignHarness.Day("2014-05-01"), _definitions);
        var (recorded, before, forecast) = await RecordThenMigrateKilledAsync(h, stores, killer);
        (await workflows.FindInstanceIdAsync(XiguanVersion2.Plan, XiguanVersion2.Unit + "@2")).ShouldBeNull("the kill came before the new instance");

        await using var restarted = await StartAsync(h, stores);
        await restarted.TickAsync();

        restarted.FindUnit(XiguanVersion2.Unit)!.PlanVersion.ShouldBe(2, "the stored migration is carried out");
        var old = await workflows.FindInstanceIdAsync(XiguanVersion2.Plan, XiguanVersion2.Unit + "@1");
        (await workflows.GetInstanceAsync(old!))!.Status.ShouldBe(WorkflowStatus.Cancelled);
        var step = (await restarted.GetMigrationsAsync(XiguanVersion2.Unit))!.ShouldHaveSingleItem();
        (step.FromVersion, step.ToVersion, step.By).ShouldBe((1, 2, "admin"));
        (await records.GetWatermarkAsync(XiguanVersion2.Unit))!.IsBehind(h.Clock.GetUtcNow()).ShouldBeFalse();

        var after = await OpenAsync(restarted);
        var unit = forecast.Units.ShouldHaveSingleItem();
        after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).ShouldBe(unit.Opening.Select(v => v.Key));
        before.Keys.Except(after.Keys).Order(StringComparer.Ordinal).ShouldBe(unit.Resolving.Select(v => v.Key));
        after.Values.ShouldAllBe(v => v.PlanVersion == 2);

        // The entry is the log's, not one of the unit's records: what the unit's pages list is what it recorded.
        (await restarted.ReadRecordsAsync(XiguanVersion2.Unit))!.Count.ShouldBe(recorded);
    }

    // 西关街道 records its log on version 1 to 2014-06-15; version 2 is written; a host forecasts the migration (a dry
    // run), then dies at the commit the killer names while carrying it out. The open violations before it, the forecast.
    private async Task<(int Recorded, Dictionary<string, StoredViolation> Before, PlanMigration Forecast)> RecordThenMigrateKilledAsync(
        CampaignHarness h, CampaignStores stores, KilledAtCommit killer)
    {
        int recorded;
        await using (var v1 = await StartAsync(h, stores))
        {
            var log = await File.ReadAllTextAsync(Path.Combine(_definitions, "activities", XiguanVersion2.Plan + ".yaml"));
            var result = await v1.RecordAsync(XiguanVersion2.Unit, log, RecordFormat.Yaml, "secretary");
            result.Diagnostics.ShouldBeEmpty();
            recorded = result.Records.Count;
            await h.TickToAsync(v1, CampaignHarness.Day("2014-06-15"));
        }

        await XiguanVersion2.WriteAsync(_definitions);
        await using var service = await StartAsync(h, stores);
        var before = await OpenAsync(service);
        var forecast = (await service.MigrateAsync(new MigrationRequest(XiguanVersion2.Plan, 2, "admin") { DryRun = true, AcceptLostProgress = true }))!;
        killer.Armed = true;
        await Should.ThrowAsync<HostKilledException>(() => service.MigrateAsync(new MigrationRequest(XiguanVersion2.Plan, 2, "admin") { AcceptLostProgress = true }));
        killer.Armed = false;
        return (recorded, before, forecast);
    }

    private static Task<CampaignService> StartAsync(CampaignHarness h, CampaignStores stores) =>
        CampaignService.StartAsync(stores, new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "test" },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CampaignService>.Instance);

    private static async Task<Dictionary<string, StoredViolation>> OpenAsync(CampaignService service) =>
        (await service.QueryViolationsAsync(new ViolationQuery { Units = [XiguanVersion2.Unit], Status = ViolationStatus.Open, Limit = 1000 })).Items
            .ToDictionary(v => v.Id[(v.Id.IndexOf('/', v.Id.IndexOf('@', StringComparison.Ordinal)) + 1)..], StringComparer.Ordinal);

    /// <summary>A workflow store whose host dies, once armed, as it is about to make a commit its predicate names.</summary>
    public class KilledAtCommit : DispatchProxy
    {
        private IWorkflowStore _inner = null!;
        private Func<WorkflowCommit, bool> _when = _ => false;

        public bool Armed { get; set; }

        public static (IWorkflowStore Store, KilledAtCommit Killer) Wrap(IWorkflowStore inner, Func<WorkflowCommit, bool> when)
        {
            var store = Create<IWorkflowStore, KilledAtCommit>();
            var killer = (KilledAtCommit)(object)store;
            killer._inner = inner;
            killer._when = when;
            return (store, killer);
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (Armed && targetMethod.Name == nameof(IWorkflowStore.CommitAsync) && args?[0] is WorkflowCommit commit && _when(commit))
            {
                throw new HostKilledException();
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
