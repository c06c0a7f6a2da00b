using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;
using CampaignFlow.Tests.Shared;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Persistence.InMemory;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A template raised to version 2 (weidu-streets-2014) while its units run version 1: they stay on version 1 (moving
/// them is a migration's work, docs/adr/0014), a unit that starts after it runs version 2, and a start asks the store
/// for the units' instances in bulk, not once per unit at every start (a province has 100,000 units).
/// </summary>
public sealed class SupersededTemplateTests : IDisposable
{
    private readonly string _definitions = Directory.CreateTempSubdirectory("campaignflow-superseded-").FullName;

    public SupersededTemplateTests()
    {
        var source = Repository.Path("definitions");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_definitions, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_definitions, recursive: true);

    [Fact]
    public async Task A_templates_new_version_leaves_its_running_units_on_theirs_and_starts_new_units_on_it_with_no_lookup_per_unit()
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
        await using (var bumped = await StartAsync(h, stores))
        {
            bumped.LoadProblems.ShouldBeEmpty();
            var streets = bumped.Units.Where(u => u.PlanId == "weidu-streets-2014" && u.Id != "weidu-new-street").ToArray();
            streets.Length.ShouldBeGreaterThan(5);
            streets.ShouldAllBe(u => u.PlanVersion == 1);
            bumped.FindUnit("weidu-new-street")!.PlanVersion.ShouldBe(2);
            counter.Count(nameof(workflows.FindInstanceIdAsync)).ShouldBeLessThan(streets.Length, "the running instances are found in bulk");
            foreach (var unit in streets)
            {
                var running = await workflows.FindInstanceIdAsync("weidu-streets-2014", unit.Id + "@1");
                (await workflows.GetInstanceAsync(running!))!.Status.ShouldBe(WorkflowStatus.Running, unit.Id);
                (await workflows.FindInstanceIdAsync("weidu-streets-2014", unit.Id + "@2")).ShouldBeNull(unit.Id);
            }
        }

        counter.Calls.Clear();
        await (await StartAsync(h, stores)).DisposeAsync();
        (counter.Count(nameof(workflows.FindInstanceIdAsync)) + counter.Count(nameof(workflows.GetInstanceAsync))).ShouldBeLessThan(5,
            "a start looks each unit's instances up in bulk, not one by one");
    }

    private static Task<Service.CampaignService> StartAsync(CampaignHarness h, CampaignStores stores) =>
        Service.CampaignService.StartAsync(stores, new Service.CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "test" },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Service.CampaignService>.Instance);
}
