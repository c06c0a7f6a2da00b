using System.Globalization;
using System.Net;
using System.Text;
using CampaignFlow.Server.Tests.Fixtures;
using CsvHelper;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// The CSV export pages as the JSON does: <c>offset</c> skips the same matches, a written <c>limit</c> takes the same
/// number, so a page read as CSV holds the rows the JSON page holds; without <c>limit</c> it runs to the last match.
/// </summary>
public sealed class ViolationCsvPagingTests(ViolationCsvPagingTests.Fixture fixture) : IClassFixture<ViolationCsvPagingTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 3, 1));

        public Task InitializeAsync() => Server.MoveToEndOfAsync(new DateOnly(2014, 4, 15));

        public Task DisposeAsync()
        {
            Server.Dispose();
            return Task.CompletedTask;
        }
    }

    private HttpClient Admin => fixture.Server.As(TestTokens.Admin);

    [Fact]
    public async Task A_csv_page_holds_the_json_pages_rows()
    {
        var total = (await Admin.GetJsonAsync("/violations?limit=1")).GetProperty("total").GetInt32();
        total.ShouldBeGreaterThan(6, "the seeds' empty records leave violations by mid-April");

        foreach (var (offset, limit) in new[] { (0, 3), (2, 3), (total / 2, 4), (total - 2, 5), (total, 1) })
        {
            var json = await JsonIdsAsync(offset, limit);
            var csv = await CsvIdsAsync($"?offset={offset}&limit={limit}");

            csv.ShouldBe(json, $"offset {offset}, limit {limit}");
            json.Count.ShouldBe(Math.Clamp(total - offset, 0, limit));
        }
    }

    [Fact]
    public async Task Without_a_limit_the_csv_runs_from_the_offset_to_the_last_match()
    {
        var total = (await Admin.GetJsonAsync("/violations?limit=1")).GetProperty("total").GetInt32();
        var offset = total / 3;
        var expected = new List<string>();
        for (var from = offset; from < total; from += 1000)
        {
            expected.AddRange(await JsonIdsAsync(from, 1000));
        }

        (await CsvIdsAsync($"?offset={offset}")).ShouldBe(expected);
        (await CsvIdsAsync(string.Empty)).Count.ShouldBe(total);
    }

    [Theory]
    [InlineData("offset=-1", "offset")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    public async Task A_bad_offset_or_limit_is_a_400_for_csv_as_for_json(string query, string parameter)
    {
        var problem = await (await Admin.GetAsync($"/violations?format=csv&{query}")).ReadAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("bad-query");
        problem.GetProperty("messageEn").GetString()!.ShouldContain($"for {parameter}:");
    }

    private async Task<List<string>> JsonIdsAsync(int offset, int limit) =>
        [.. (await Admin.GetJsonAsync($"/violations?offset={offset}&limit={limit}")).GetProperty("items").Strings("id")];

    private async Task<List<string>> CsvIdsAsync(string query)
    {
        var response = await Admin.GetAsync($"/violations{query}{(query.Length == 0 ? '?' : '&')}format=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var ids = new List<string>();
        while (await csv.ReadAsync())
        {
            ids.Add(csv.GetField("id")!);
        }

        return ids;
    }
}
