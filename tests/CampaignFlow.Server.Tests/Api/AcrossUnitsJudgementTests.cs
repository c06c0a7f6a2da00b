using System.Net;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// Records sent in one file for many units are judged exactly as the same records sent by each unit: the same
/// violations open and resolve, at the same ticks.
/// </summary>
public sealed class AcrossUnitsJudgementTests
{
    private const string Csv = """
        unit,key,activity,on,hours,participants
        panyu-ftu,same-study-1,concentrated-study,2014-03-07,半天,su-zhibang
        mianyang-ftu,same-study-1,concentrated-study,2014-03-07,半天,zhang-jianguo;li-minghua;wang-zhigang
        weidu-xiguan-street,same-visit-1,contact-point-opinions,2014-03-19,半天,yang-hongwei
        panyu-ftu,same-study-2,concentrated-study,2014-03-21,1天,su-zhibang
        """;

    [Fact]
    public async Task One_file_for_many_units_gives_the_violations_that_each_units_own_posts_give()
    {
        using var together = new CampaignServer(start: new DateOnly(2014, 3, 1));
        using var apart = new CampaignServer(start: new DateOnly(2014, 3, 1));
        var lines = Csv.ReplaceLineEndings("\n").Split('\n');
        var header = lines[0];
        var rows = lines.Skip(1).ToArray();

        (await together.As(TestTokens.Admin).PostAsync("/records", ApiJson.Csv(Csv + "\n"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        foreach (var group in rows.GroupBy(r => r.Split(',')[0]))
        {
            var response = await apart.As(TestTokens.Admin).PostAsync($"/units/{group.Key}/records", ApiJson.Csv(header + "\n" + string.Join("\n", group) + "\n"));
            response.StatusCode.ShouldBe(HttpStatusCode.Created, group.Key);
        }

        foreach (var day in new[] { new DateOnly(2014, 3, 16), new DateOnly(2014, 4, 6) })
        {
            await together.MoveToEndOfAsync(day);
            await apart.MoveToEndOfAsync(day);
            foreach (var unit in new[] { "panyu-ftu", "mianyang-ftu", "weidu-xiguan-street", "weidu-district" })
            {
                (await OpenAsync(together, unit)).ShouldBe(await OpenAsync(apart, unit), $"{unit} at the end of {day}");
            }
        }

        (await OpenAsync(together, "panyu-ftu")).ShouldNotBeEmpty("the comparison has violations to compare");
    }

    [Fact]
    public async Task A_late_file_for_many_units_answers_with_what_each_units_own_posts_resolve()
    {
        using var together = new CampaignServer(start: new DateOnly(2014, 3, 1));
        using var apart = new CampaignServer(start: new DateOnly(2014, 3, 1));
        await together.MoveToEndOfAsync(new DateOnly(2014, 3, 23));
        await apart.MoveToEndOfAsync(new DateOnly(2014, 3, 23));
        var lines = Csv.ReplaceLineEndings("\n").Split('\n');
        var header = lines[0];
        var rows = lines.Skip(1).ToArray();

        var answer = await together.As(TestTokens.Admin).PostAsync("/records", ApiJson.Csv(Csv + "\n"));
        var file = Changes(await answer.ReadAsync(HttpStatusCode.Created));
        var own = (Opened: new List<string>(), Resolved: new List<string>());
        foreach (var group in rows.GroupBy(r => r.Split(',')[0]))
        {
            var response = await apart.As(TestTokens.Admin).PostAsync($"/units/{group.Key}/records", ApiJson.Csv(header + "\n" + string.Join("\n", group) + "\n"));
            var changes = Changes(await response.ReadAsync(HttpStatusCode.Created));
            own.Opened.AddRange(changes.Opened);
            own.Resolved.AddRange(changes.Resolved);
        }

        file.Resolved.ShouldNotBeEmpty("late records resolve the weeks they were missing from");
        file.Resolved.ShouldBe(own.Resolved.Order(StringComparer.Ordinal).ToArray());
        file.Opened.ShouldBe(own.Opened.Order(StringComparer.Ordinal).ToArray());
    }

    private static (string[] Opened, string[] Resolved) Changes(System.Text.Json.JsonElement answer) =>
        (Ids(answer.GetProperty("opened")), Ids(answer.GetProperty("resolved")));

    private static string[] Ids(System.Text.Json.JsonElement violations) =>
        [.. violations.EnumerateArray().Select(v => v.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];

    private static async Task<string[]> OpenAsync(CampaignServer server, string unit)
    {
        var open = await server.As(TestTokens.Admin).GetJsonAsync($"/violations?unit={unit}&status=open&limit=1000");
        return [.. open.GetProperty("items").EnumerateArray().Select(v => $"{v.GetProperty("requirementId").GetString()} {v.GetProperty("periodStart").GetString()} {v.GetProperty("message").GetString()}").Order(StringComparer.Ordinal)];
    }
}
