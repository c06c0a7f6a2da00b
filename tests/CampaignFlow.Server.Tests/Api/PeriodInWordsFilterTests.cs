using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// The console writes a week as 2014年第10周; an auditor who types that into the period filter, of the console or the
/// API, gets the week's violations, as with 2014-W10, not an empty list.
/// </summary>
public sealed class PeriodInWordsFilterTests(PeriodInWordsFilterTests.Fixture fixture) : IClassFixture<PeriodInWordsFilterTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 3, 1));

        // 番禺区总工会 records no study in week 10 (3–9 March): its weekly minimum is violated once the week ends.
        public Task InitializeAsync() => Server.MoveToEndOfAsync(new DateOnly(2014, 3, 12));

        public Task DisposeAsync()
        {
            Server.Dispose();
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("2014年第10周")]
    [InlineData("2014年 第10周")]
    public async Task A_week_written_in_chinese_filters_as_its_iso_label_in_json_and_csv(string written)
    {
        var admin = fixture.Server.As(TestTokens.Admin, language: "zh-CN");
        var iso = await admin.GetJsonAsync("/violations?unit=panyu-ftu&period=2014-W10");
        var words = await admin.GetJsonAsync($"/violations?unit=panyu-ftu&period={Uri.EscapeDataString(written)}");

        iso.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        words.GetProperty("items").Strings("id").ShouldBe(iso.GetProperty("items").Strings("id"));
        words.GetProperty("items").Strings("period").ShouldAllBe(p => p == "2014-W10");

        var csv = await admin.GetStringAsync($"/violations?unit=panyu-ftu&format=csv&period={Uri.EscapeDataString(written)}");
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows.Length.ShouldBe(1 + iso.GetProperty("total").GetInt32(), "the header and each of the week's violations");
    }
}
