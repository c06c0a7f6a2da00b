using CampaignFlow.Campaigns.Migrating;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;
using CampaignFlow.Tests.Shared;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Persistence.InMemory;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A template raised to version 2 (weidu-streets-2014): its running units stay on version 1, found by a start that asks
/// the store in bulk, not per unit (a province has 100,000 units); the units migrated move, the others stay.
/// </summary>
public sealed class SupersededTemplateTests : IDisposable
{
    private readonly string _definitions = Directory.CreateTempSubdirectory("campaignflow-superseded-").FullName;

    public SupersededTemplateTests()
    {
        Repository.CopyFolder("definitions", _definitions);
    }

    public void Dispose() => Directory.Delete(_definitions, recursive: true);

    [Fact]
    public async Task A_templates_new_version_leaves_its_units_on_their_version_until_some_are_migrated_starts_new_units_on_it_and_a_restart_keeps_each_where_it_is()
    {
        var (workflows, counter) = CountingWorkflowStore.Wrap(new InMemoryWorkflowStore());
        var stores = new CampaignStores(workflows, new InMemoryRecordStore(), new InMemoryViolationStore(), new InMemoryPlanStore());
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), _definitions);
        await (await StartAsync(h, stores)).DisposeAsync();
        var file = Path.Combine(_definitions, "weidu-streets-2014.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\ntitle: ", "\nversion: 2\ntitle: ", StringComparison.Ordinal));
        // A street office added to the organisation file after version 2 was published.
        await File.AppendAllTextAsync(Path.Combine(_definitions, "organisation", "weidu-district.units.csv"), "weidu-new-street,魏都区新设街道党工委,street,weidu-district,\n");

        counter.Calls.Clear();
        string[] moved;
        await using (var bumped = await StartAsync(h, stores))
        {
            bumped.LoadProblems.ShouldBeEmpty();
            var streets = bumped.Units.Where(u => u.PlanId == "weidu-streets-2014" && u.Id != "weidu-new-street").ToArray();
            streets.Length.ShouldBeGreaterThan(5);
            streets.ShouldAllBe(u => u.PlanVersion == 1);
            bumped.FindUnit("weidu-new-street")!.PlanVersion.ShouldBe(2, "a unit that starts after version 2 was published runs it");
            counter.Count(nameof(workflows.FindInstanceIdAsync)).ShouldBeLessThan(streets.Length, "the running instances are found in bulk");
            moved = [streets[0].Id, streets[1].Id];

            var migration = await bumped.MigrateAsync(new MigrationRequest("weidu-streets-2014", 2, "admin") { Units = moved });

            migration!.Units.Select(u => u.UnitId).ShouldBe(moved);
            bumped.Units.Where(u => u.PlanId == "weidu-streets-2014" && u.PlanVersion == 2 && u.Id != "weidu-new-street").Select(u => u.Id).ShouldBe(moved);
        }

        counter.Calls.Clear();
        await using (var again = await StartAsync(h, stores))
        {
            again.FindUnit("weidu-new-street")!.PlanVersion.ShouldBe(2);
            (await workflows.FindInstanceIdAsync("weidu-streets-2014", "weidu-new-street@1")).ShouldBeNull();
            foreach (var unit in again.Units.Where(u => u.PlanId == "weidu-streets-2014" && u.Id != "weidu-new-street"))
            {
                var onTwo = moved.Contains(unit.Id);
                unit.PlanVersion.ShouldBe(onTwo ? 2 : 1, unit.Id);
                var first = await workflows.FindInstanceIdAsync("weidu-streets-2014", unit.Id + "@1");
                (await workflows.GetInstanceAsync(first!))!.Status.ShouldBe(onTwo ? WorkflowStatus.Cancelled : WorkflowStatus.Running, unit.Id);
            }
        }
    }

    private static Task<Service.CampaignService> StartAsync(CampaignHarness h, CampaignStores stores) =>
        Service.CampaignService.StartAsync(stores, new Service.CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "test" },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Service.CampaignService>.Instance);
}
