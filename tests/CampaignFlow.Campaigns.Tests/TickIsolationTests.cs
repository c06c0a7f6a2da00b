using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>Time moves for every unit whose timers fired, even when one of them fails.</summary>
public sealed class TickIsolationTests
{
    [Fact]
    public async Task A_unit_whose_verdicts_cannot_be_stored_does_not_hold_back_the_other_units()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"));
        var stores = h.Stores with { Violations = new RefusingUnit(h.Stores.Violations, "panyu-ftu") };
        await using var service = await CampaignService.StartAsync(stores,
            new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "test" }, NullLogger<CampaignService>.Instance);

        await Should.NotThrowAsync(() => h.TickToAsync(service, CampaignHarness.Day("2014-10-01")));

        (await h.OpenAsync(service, "panyu-ftu")).ShouldBeEmpty();
        foreach (var unit in service.Units.Where(u => u.Id != "panyu-ftu"))
        {
            (await h.OpenAsync(service, unit.Id)).ShouldNotBeEmpty(unit.Id);
        }
    }

    private sealed class RefusingUnit(IViolationStore inner, string unit) : DelegatingViolationStore(inner)
    {
        public override ValueTask<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken cancellationToken = default) =>
            updates.Any(u => u.Violation.Unit == unit) ? throw new IOException("disk full") : base.ApplyAsync(updates, cancellationToken);
    }
}
