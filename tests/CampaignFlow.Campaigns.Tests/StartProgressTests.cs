using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Starting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>A start says how far it got, stage by stage, in order, and ends with every unit counted.</summary>
public sealed class StartProgressTests
{
    [Fact]
    public async Task The_start_of_the_seed_units_reports_its_stages_in_order_and_every_unit_started()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"));
        var reports = new List<CampaignStartProgress>();
        var options = new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "test", StartProgress = new Recorded(reports) };

        await using var service = await CampaignService.StartAsync(h.Stores, options, NullLogger<CampaignService>.Instance);

        reports.Select(r => r.Stage).Distinct().ShouldBe(
            [CampaignStartStage.LoadingPlans, CampaignStartStage.StartingUnits, CampaignStartStage.CheckingWatermarks, CampaignStartStage.Started]);
        var starting = reports.Where(r => r.Stage == CampaignStartStage.StartingUnits).ToList();
        starting.ShouldAllBe(r => r.Total == service.Units.Count);
        starting.Select(r => r.Done).ShouldBeInOrder(SortDirection.Ascending);
        starting[^1].Done.ShouldBe(service.Units.Count);
        reports[^1].ShouldBe(new CampaignStartProgress(CampaignStartStage.Started, service.Units.Count, service.Units.Count));
        service.Units.Count.ShouldBeGreaterThan(5, "the definitions folder's seed units and the organisation files' units");
    }

    /// <summary>Keeps every report, synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class Recorded(List<CampaignStartProgress> reports) : IProgress<CampaignStartProgress>
    {
        public void Report(CampaignStartProgress value) => reports.Add(value);
    }
}
