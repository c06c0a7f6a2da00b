using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests.Bodies;

/// <summary>
/// The history of a body's requirement over its units is the records', not the ticks': the body takes what its units
/// recorded since the last tick in one batch, so the same records judged over three ticks or over one must leave the
/// same steps, with the same record named as the one that resolved it and the same figures after it.
/// </summary>
public sealed class BodyHistoryTests
{
    private const string MostUnitsEvaluated = """
        - id: units-evaluated
          title: 60%以上的单位开展群众评价
          activity: mass-evaluation
          acrossUnits: 60%
        """;

    private static readonly (string Unit, string Day)[] Evaluations =
        [("weidu-chunqiu-community", "2014-04-09"), ("weidu-xida-street", "2014-04-02"), ("weidu-dongda-street", "2014-04-03")];

    [Fact]
    public async Task The_same_records_over_three_ticks_or_one_leave_the_same_history()
    {
        var tickEach = await HistoryAsync(tickAfterEach: true);
        var tickOnce = await HistoryAsync(tickAfterEach: false);

        tickEach.ShouldBe(tickOnce);
        tickEach.Select(s => s.Kind).ShouldBe([ViolationEventKind.Opened, ViolationEventKind.Resolved], "the figures changing at ticks are no steps");
        var resolved = tickEach[^1];
        resolved.Records.ShouldBe("weidu-chunqiu-community/evaluation", "the third unit by day brought it to 60%, whichever tick judged it");
        resolved.Counted.ShouldBe("weidu-xida-street,weidu-dongda-street,weidu-chunqiu-community");
    }

    [Fact]
    public async Task Between_ticks_the_open_violation_still_shows_the_figures_of_the_last_one()
    {
        using var folder = new BodyFolder(MostUnitsEvaluated);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));
        await RecordAsync(service, "weidu-xida-street", "2014-04-02");
        await service.TickAsync(CancellationToken.None);

        var open = (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem();
        open.MessageZh.ShouldBe("群众评价：下级 5 个单位中 1 个已完成，未达到要求的 60%", "the row takes the new figures though history keeps no step for them");
        (await service.GetViolationHistoryAsync(open.Id)).ShouldHaveSingleItem().Kind.ShouldBe(ViolationEventKind.Opened);
    }

    private static async Task<IReadOnlyList<Step>> HistoryAsync(bool tickAfterEach)
    {
        using var folder = new BodyFolder(MostUnitsEvaluated);
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"), folder.Path);
        await using var service = await h.StartAsync();
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"));
        var open = (await h.OpenAsync(service, BodyFolder.District)).ShouldHaveSingleItem();
        foreach (var (unit, day) in Evaluations)
        {
            await RecordAsync(service, unit, day);
            if (tickAfterEach)
            {
                await service.TickAsync(CancellationToken.None);
            }
        }

        await service.TickAsync(CancellationToken.None);
        (await h.OpenAsync(service, BodyFolder.District)).ShouldBeEmpty();
        return [.. (await service.GetViolationHistoryAsync(open.Id)).Select(Step.Of)];
    }

    private static async Task RecordAsync(CampaignService service, string unit, string day)
    {
        var result = await service.RecordAsync(unit, $"- {{ key: evaluation, activity: mass-evaluation, on: {day} }}", RecordFormat.Yaml, "secretary");
        result.Diagnostics.ShouldBeEmpty();
        result.Refusal.ShouldBeNull();
    }

    /// <summary>A stored step without its time (two runs judge at different instants), lists joined to compare by value.</summary>
    private sealed record Step(ViolationEventKind Kind, string Records, string Counted, string? Actual, string? Required)
    {
        public static Step Of(ViolationEvent e)
        {
            using var details = JsonDocument.Parse(e.Details);
            var root = details.RootElement;
            var evidence = root.GetProperty("evidence");
            return new Step(
                e.Kind,
                root.TryGetProperty("records", out var records) ? string.Join(",", records.EnumerateArray().Select(r => r.GetString())) : "",
                string.Join(",", evidence.GetProperty("counted").EnumerateArray().Select(c => c.GetString())),
                evidence.TryGetProperty("actual", out var actual) ? actual.GetString() : null,
                evidence.TryGetProperty("required", out var required) ? required.GetString() : null);
        }
    }
}
