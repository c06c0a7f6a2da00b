using System.Net;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// A unit, body or plan a filter names that does not exist is a 404 problem naming it, the same on every endpoint that
/// filters by one and whatever the format asked for; a filter that exists but matches nothing stays an empty 200.
/// </summary>
public sealed class UnknownFilterTests(UnknownFilterTests.Fixture fixture) : IClassFixture<UnknownFilterTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 3, 1));

        public void Dispose() => Server.Dispose();
    }

    [Theory]
    [InlineData("/violations?unit=nope", "unknown-unit", "没有单位“nope”的活动")]
    [InlineData("/violations?body=nope", "unknown-body", "“nope”下没有正在开展活动的单位")]
    [InlineData("/violations?plan=nope", "unknown-plan", "不存在方案“nope”")]
    [InlineData("/violations?body=nope&format=csv", "unknown-body", "“nope”下没有正在开展活动的单位")]
    [InlineData("/violations?plan=nope&format=csv", "unknown-plan", "不存在方案“nope”")]
    [InlineData("/units?body=nope", "unknown-body", "“nope”下没有正在开展活动的单位")]
    [InlineData("/bodies/nope/compliance", "unknown-body", "“nope”下没有正在开展活动的单位")]
    [InlineData("/groups/nope", "unknown-group", "没有督导组“nope”")]
    public async Task An_unknown_id_in_a_filter_is_a_404_naming_it_in_Chinese(string url, string code, string message)
    {
        var response = await fixture.Server.As(TestTokens.Admin, language: "zh-CN").GetAsync(url);

        var problem = await response.ReadAsync(HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("detail").GetString().ShouldBe(message);
        response.Content.Headers.ContentLanguage.ShouldContain("zh-CN");
    }

    [Fact]
    public async Task A_unit_that_exists_outside_a_body_that_does_not_is_still_a_404_for_the_body()
    {
        var unit = (await fixture.Server.As(TestTokens.Admin).GetJsonAsync("/units")).Strings("id").First();

        var problem = await (await fixture.Server.As(TestTokens.Admin).GetAsync($"/violations?unit={unit}&body=nope")).ReadAsync(HttpStatusCode.NotFound);

        problem.GetProperty("code").GetString().ShouldBe("unknown-body");
    }

    [Fact]
    public async Task Every_known_plan_and_body_filters_with_200()
    {
        var admin = fixture.Server.As(TestTokens.Admin);
        var plans = (await admin.GetJsonAsync("/plans")).Strings("id").Distinct().ToArray();
        var bodies = (await admin.GetJsonAsync("/units")).EnumerateArray()
            .Select(u => u.GetProperty("body").GetString()).OfType<string>().Distinct().ToArray();
        plans.ShouldNotBeEmpty();
        bodies.ShouldNotBeEmpty();

        foreach (var url in plans.Select(p => $"/violations?plan={Uri.EscapeDataString(p)}").Concat(bodies.Select(b => $"/violations?body={Uri.EscapeDataString(b)}")))
        {
            (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
    }
}
