using System.Net;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// <c>GET /violations</c> answers JSON or CSV: <c>?format=</c> names one, otherwise the Accept header chooses; a format
/// it does not have is a 400 naming the ones it has, and an Accept that takes neither a 406, never JSON regardless.
/// </summary>
public sealed class ViolationFormatTests(ViolationFormatTests.Fixture fixture) : IClassFixture<ViolationFormatTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 3, 1));

        public void Dispose() => Server.Dispose();
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("html")]
    [InlineData("cs")]
    public async Task A_format_it_does_not_have_is_a_400_naming_json_and_csv_in_Chinese(string format)
    {
        var response = await fixture.Server.As(TestTokens.Admin, language: "zh-CN").GetAsync($"/violations?format={format}");

        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("bad-query");
        problem.GetProperty("detail").GetString().ShouldBe($"“{format}”不是 format 的有效值：以下之一：json | csv");
        problem.GetProperty("messageEn").GetString().ShouldBe($"'{format}' is not a valid value for format: one of json | csv");
    }

    [Theory]
    [InlineData("json", null, "application/json")]
    [InlineData("JSON", "text/csv", "application/json")]
    [InlineData("csv", "application/json", "text/csv")]
    [InlineData("Csv", null, "text/csv")]
    [InlineData(null, null, "application/json")]
    [InlineData(null, "*/*", "application/json")]
    [InlineData(null, "application/json", "application/json")]
    [InlineData(null, "text/csv", "text/csv")]
    [InlineData(null, "text/csv, */*;q=0.5", "text/csv")]
    [InlineData(null, "text/csv;q=0.5, application/json", "application/json")]
    [InlineData(null, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json")]
    [InlineData(null, "text/*", "text/csv")]
    public async Task The_format_or_else_the_Accept_header_chooses_json_or_csv(string? format, string? accept, string answered)
    {
        var response = await GetAsync(format, accept);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(answered);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    [InlineData("application/json;q=0, text/csv;q=0")]
    public async Task An_Accept_that_takes_neither_json_nor_csv_is_a_406_naming_both(string accept)
    {
        var response = await GetAsync(null, accept, language: "zh-CN");

        var problem = await response.ReadAsync(HttpStatusCode.NotAcceptable);
        problem.GetProperty("code").GetString().ShouldBe("not-acceptable");
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldStartWith("此处只能答复 application/json 或 text/csv；Accept 请求头“");
        detail.ShouldEndWith("”不接受其中任何一种");
        detail.ShouldContain(accept.Split(',')[0].Split(';')[0]);
    }

    private Task<HttpResponseMessage> GetAsync(string? format, string? accept, string language = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, format is null ? "/violations" : $"/violations?format={format}");
        if (accept is not null)
        {
            request.Headers.Accept.Clear();
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return fixture.Server.As(TestTokens.Admin, language).SendAsync(request);
    }
}
