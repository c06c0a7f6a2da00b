using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

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

    internal static async Task RecordAsync(CampaignService service, string unit, string yaml)
    {
        var result = await service.RecordAsync(unit, yaml, RecordFormat.Yaml, "secretary");
        result.Diagnostics.ShouldBeEmpty();
        result.Refusal.ShouldBeNull();
    }

    internal static IReadOnlyList<string> Missing(StoredViolation violation)
    {
        using var details = JsonDocument.Parse(violation.Details);
        return details.RootElement.TryGetProperty("evidence", out var e) && e.TryGetProperty("missing", out var m)
            ? [.. m.EnumerateArray().Select(x => x.GetString()!)]
            : [];
    }
}
