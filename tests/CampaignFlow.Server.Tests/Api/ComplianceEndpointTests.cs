using System.Net;
using System.Text.Json;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// The roll-up endpoints (issue 12, item 4) on the seeds at the end of 2014-04-15: <c>GET /bodies/{body}/compliance</c>,
/// <c>/compliance/history</c> and <c>GET /units?sort=behind</c> agree with <c>GET /violations</c>, answer only callers
/// who may read every unit under the body, and answer bad filters with a 4xx that says what is wrong.
/// </summary>
public sealed class ComplianceEndpointTests(ComplianceEndpointTests.Fixture fixture) : IClassFixture<ComplianceEndpointTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 2, 1));

        public Task InitializeAsync() => Server.MoveToEndOfAsync(new DateOnly(2014, 4, 15));

        public Task DisposeAsync()
        {
            Server.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_matrix_of_a_body_agrees_with_the_open_violations()
    {
        var client = fixture.Server.As(TestTokens.AuditorWeidu);

        var rollup = await client.GetJsonAsync("/bodies/weidu-district/compliance?at=2014-04-15");

        rollup.GetProperty("body").GetString().ShouldBe("weidu-district");
        rollup.GetProperty("at").GetString().ShouldBe("2014-04-15");
        rollup.GetProperty("totalUnits").GetInt32().ShouldBe(59, "魏都区委 itself, 西关街道 and the 57 units of the organisation file on templates");
        var requirements = rollup.GetProperty("requirements").EnumerateArray().ToArray();
        requirements.ShouldNotBeEmpty();
        var rows = rollup.GetProperty("rows").EnumerateArray().ToArray();
        rows.Length.ShouldBe(59);
        var row = rows.Single(r => r.GetProperty("unit").GetProperty("id").GetString() == "weidu-xiguan-street");
        row.GetProperty("kind").GetString().ShouldBe("street");
        var cells = row.GetProperty("cells").EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Null ? null : c.GetString()).ToArray();
        cells.Length.ShouldBe(requirements.Length);
        // A column of a requirement its plan does not have (教体局's own school forums, 工商局's own surveys, 魏都区委's over
        // its units and their members) is null in its row.
        cells.ShouldAllBe(c => c == null || c == "met" || c == "pending" || c == "violated");
        string[] others = ["school-forums", "service-surveys", "units-", "members-"];
        cells.Count(c => c == null).ShouldBe(requirements.Count(r => r.GetProperty("id").GetString() is { } id
            && others.Any(o => id.StartsWith(o, StringComparison.Ordinal))));
        cells.ShouldContain("pending", "the campaign runs to September");

        var open = await client.GetJsonAsync("/violations?unit=weidu-xiguan-street&status=open&limit=1000");
        var openRequirements = open.GetProperty("items").Strings("requirementId").ToHashSet();
        row.GetProperty("totals").GetProperty("openViolations").GetInt32().ShouldBe(open.GetProperty("total").GetInt32());
        for (var i = 0; i < cells.Length; i++)
        {
            (cells[i] == "violated").ShouldBe(openRequirements.Contains(requirements[i].GetProperty("id").GetString()!));
        }

        row.GetProperty("totals").GetProperty("violated").GetInt32().ShouldBe(openRequirements.Count);
        rollup.GetProperty("totals").GetProperty("violated").GetInt32().ShouldBe(rows.Sum(r => r.GetProperty("totals").GetProperty("violated").GetInt32()));
    }

    [Fact]
    public async Task Without_a_day_the_roll_up_stands_at_the_last_day_that_has_ended()
    {
        // The clock is at the end of 2014-04-15, which has not ended yet.
        var rollup = await fixture.Server.As(TestTokens.Admin).GetJsonAsync("/bodies/weidu-district/compliance");

        rollup.GetProperty("at").GetString().ShouldBe("2014-04-14");
    }

    [Fact]
    public async Task Filters_narrow_the_matrix()
    {
        var client = fixture.Server.As(TestTokens.Admin);

        var study = await client.GetJsonAsync("/bodies/xuchang-city/compliance?at=2014-04-15&phase=study&kind=street&sort=behind&limit=1");

        study.GetProperty("requirements").EnumerateArray().ShouldAllBe(r => r.GetProperty("phase").GetString() == "study");
        study.GetProperty("rows").GetArrayLength().ShouldBe(1);
        study.GetProperty("kind").GetString().ShouldBe("street");
    }

    [Theory]
    [InlineData("/bodies/weidu-district/compliance?at=9999-12-31", "at")]
    [InlineData("/bodies/weidu-district/compliance/history?from=1899-12-31", "from")]
    [InlineData("/units?body=weidu-district&sort=behind&at=2201-01-01", "at")]
    [InlineData("/units/panyu-ftu/explain?requirement=weekly-study:period-minimum&at=0001-01-01", "at")]
    public async Task A_day_that_exists_but_lies_outside_the_years_plans_may_have_is_told_the_years_not_that_it_does_not_exist(string url, string parameter)
    {
        // 9999-12-31 exists: "a day that exists" sent the caller looking for a typo that is not there.
        var problem = await (await fixture.Server.As(TestTokens.Admin).GetAsync(url)).ReadAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("messageEn").GetString()!.ShouldEndWith($"for {parameter}: a day from 1900-01-01 to 2200-12-31, as yyyy-MM-dd");
        problem.GetProperty("messageZh").GetString()!.ShouldEndWith($"不是 {parameter} 的有效值：1900-01-01 至 2200-12-31 之间的日期，格式为 yyyy-MM-dd");
    }

    [Theory]
    [InlineData("at=2014-02-30", "at")]
    [InlineData("at=yesterday", "at")]
    [InlineData("kind=hospital", "kind")]
    [InlineData("phase=no-such-phase", "phase")]
    [InlineData("sort=sideways", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task A_bad_filter_is_400_naming_it(string query, string parameter)
    {
        var response = await fixture.Server.As(TestTokens.Admin).GetAsync($"/bodies/weidu-district/compliance?{query}");

        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("bad-query");
        problem.GetProperty("messageEn").GetString()!.ShouldContain($"for {parameter}:");
        // What the value should have been is said in Chinese too, not left in English inside the Chinese sentence.
        var chinese = problem.GetProperty("messageZh").GetString()!;
        chinese.ShouldContain($"不是 {parameter} 的有效值：");
        chinese.ShouldNotContain("whole number");
        chinese.ShouldNotContain("a day");
    }

    [Fact]
    public async Task A_bad_limit_of_the_violations_says_the_range_in_the_callers_language()
    {
        var problem = await (await fixture.Server.As(TestTokens.Admin, "zh-CN").GetAsync("/violations?limit=0")).ReadAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString().ShouldBe("“0”不是 limit 的有效值：1 到 1000 之间的整数");
        problem.GetProperty("title").GetString().ShouldBe("'0' is not a valid value for limit: a whole number from 1 to 1000");
    }

    [Fact]
    public async Task A_bad_kind_says_which_kinds_there_are()
    {
        var problem = await (await fixture.Server.As(TestTokens.Admin).GetAsync("/bodies/weidu-district/compliance?kind=hospital")).ReadAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("messageEn").GetString().ShouldBe(
            "'hospital' is not a valid value for kind: one of district-organs | law-enforcement-windows | street | community | non-public-enterprise | social-organisation | school | district-committee");
    }

    [Fact]
    public async Task An_unknown_body_is_404_with_a_message_in_the_callers_language()
    {
        var english = await (await fixture.Server.As(TestTokens.Admin).GetAsync("/bodies/nowhere/compliance")).ReadAsync(HttpStatusCode.NotFound);
        var chinese = await (await fixture.Server.As(TestTokens.Admin, "zh-CN").GetAsync("/bodies/nowhere/compliance/history")).ReadAsync(HttpStatusCode.NotFound);

        english.GetProperty("code").GetString().ShouldBe("unknown-body");
        english.GetProperty("detail").GetString().ShouldBe("no campaign runs under body 'nowhere'");
        chinese.GetProperty("detail").GetString().ShouldBe("“nowhere”下没有正在开展活动的单位");
        (await fixture.Server.As(TestTokens.Admin).GetAsync("/units?body=nowhere")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(TestTokens.AuditorWeidu, "/bodies/weidu-district/compliance", HttpStatusCode.OK)]
    [InlineData(TestTokens.AuditorWeidu, "/bodies/xuchang-city/compliance/history", HttpStatusCode.OK)]
    [InlineData(TestTokens.AuditorWeidu, "/bodies/panyu-district/compliance", HttpStatusCode.Forbidden)]
    [InlineData(TestTokens.AuditorWeidu, "/bodies/panyu-district/compliance/history", HttpStatusCode.Forbidden)]
    [InlineData(TestTokens.AuditorWeidu, "/units?body=panyu-district&sort=behind", HttpStatusCode.Forbidden)]
    [InlineData(TestTokens.RecorderPanyu, "/bodies/panyu-district/compliance", HttpStatusCode.OK)]
    [InlineData(TestTokens.RecorderPanyu, "/bodies/weidu-district/compliance", HttpStatusCode.Forbidden)]
    [InlineData(TestTokens.Auditor, "/bodies/anhui-province/compliance", HttpStatusCode.OK)]
    [InlineData(null, "/bodies/weidu-district/compliance", HttpStatusCode.Unauthorized)]
    [InlineData(null, "/bodies/weidu-district/compliance/history", HttpStatusCode.Unauthorized)]
    public async Task Only_callers_who_may_read_every_unit_under_the_body_are_answered(string? token, string url, HttpStatusCode expected)
    {
        var response = await fixture.Server.As(token).GetAsync(url);

        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Units_most_behind_come_first_with_their_counts()
    {
        var client = fixture.Server.As(TestTokens.Auditor);

        var ranked = (await client.GetJsonAsync("/units?sort=behind&at=2014-04-15")).EnumerateArray().ToArray();

        ranked.Length.ShouldBe(63, "the five seed units, 魏都区委 and the 57 units of 魏都区's organisation file");
        var counts = ranked.Select(r => r.GetProperty("openViolations").GetInt32()).ToArray();
        counts.ShouldBe(counts.OrderDescending().ToArray());
        foreach (var standing in ranked)
        {
            var unit = standing.GetProperty("unit").GetProperty("id").GetString()!;
            var open = await client.GetJsonAsync($"/violations?unit={unit}&status=open&limit=1000");
            standing.GetProperty("openViolations").GetInt32().ShouldBe(open.GetProperty("total").GetInt32(), unit);
            var earliest = open.GetProperty("items").EnumerateArray().Select(v => DateOnly.Parse(v.GetProperty("periodEnd").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty().Min();
            standing.GetProperty("daysOverdue").GetInt32().ShouldBe(open.GetProperty("total").GetInt32() == 0 ? 0 : new DateOnly(2014, 4, 15).DayNumber - earliest.DayNumber, unit);
        }

        (await client.GetJsonAsync("/units?body=weidu-district")).Strings("id").Count().ShouldBe(59);
        (await (await client.GetAsync("/units?sort=sideways")).ReadAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("bad-query");
    }

    [Fact]
    public async Task The_history_ends_with_todays_open_count_and_lists_every_day()
    {
        var client = fixture.Server.As(TestTokens.AuditorWeidu);

        var history = await client.GetJsonAsync("/bodies/weidu-district/compliance/history");
        var window = await client.GetJsonAsync("/bodies/weidu-district/compliance/history?from=2014-04-01&to=2014-04-10");

        var days = history.GetProperty("days").EnumerateArray().ToArray();
        var open = await client.GetJsonAsync("/violations?unit=weidu-xiguan-street&status=open&limit=1");
        days[^1].GetProperty("open").GetInt32().ShouldBe(open.GetProperty("total").GetInt32());
        window.GetProperty("days").GetArrayLength().ShouldBe(10);
        window.GetProperty("days")[0].GetProperty("day").GetString().ShouldBe("2014-04-01");
        (await (await client.GetAsync("/bodies/weidu-district/compliance/history?from=2014-05-01&to=2014-04-01")).ReadAsync(HttpStatusCode.BadRequest))
            .GetProperty("code").GetString().ShouldBe("bad-query");
    }
}
