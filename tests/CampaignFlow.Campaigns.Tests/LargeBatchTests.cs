using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>A large batch recorded after its periods closed is judged by replay, to the same verdicts as small batches.</summary>
public sealed class LargeBatchTests
{
    // 250 hours of study, one a weekday from 2014-02-11 (the study phase's first day): four or five hours a week.
    private static readonly string[] Sessions = Enumerable.Range(0, 400)
        .Select(i => new DateOnly(2014, 2, 11).AddDays(i))
        .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d <= new DateOnly(2014, 9, 30))
        .Take(250)
        .Select(d => $$"""{ "key": "study-{{d:yyyy-MM-dd}}", "activity": "concentrated-study", "on": "{{d:yyyy-MM-dd}}", "hours": "1小时", "participants": ["su-zhibang"] }""")
        .ToArray();

    [Fact]
    public async Task Two_hundred_and_fifty_records_at_once_give_what_ten_at_a_time_give_PY_05()
    {
        var whole = await OpenAfterAsync([Sessions]);
        var pieces = await OpenAfterAsync(Sessions.Chunk(10).ToArray());

        // Every study week was violated when the records came; they resolve the same weeks either way.
        whole.Resolved.ShouldContain(id => id.Contains("weekly-study:period-minimum/2014-W07", StringComparison.Ordinal));
        whole.Resolved.ShouldBe(pieces.Resolved, ignoreOrder: true);
        whole.Open.ShouldBe(pieces.Open, ignoreOrder: true);
    }

    private static async Task<(string[] Resolved, string[] Open)> OpenAfterAsync(IReadOnlyList<string[]> batches)
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-10-01"));
        await using var service = await h.StartAsync();
        await h.TickToAsync(service, CampaignHarness.Day("2014-10-01"), 1);
        var resolved = new List<string>();
        foreach (var batch in batches)
        {
            var result = await service.RecordAsync("panyu-ftu", "[" + string.Join(",", batch) + "]", RecordFormat.Json, "secretary");
            result.HasErrors.ShouldBeFalse();
            resolved.AddRange(result.Resolved.Select(v => v.Id));
        }

        var open = (await h.OpenAsync(service, "panyu-ftu")).Select(v => v.Id).ToArray();
        return (resolved.Order(StringComparer.Ordinal).ToArray(), open);
    }
}
