using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// A CSV Excel saved in a Chinese office is GBK: imported, its names and hours arrived as U+FFFD and were stored. It
/// is a 400 problem now, in Chinese unless English is asked for, with <c>file-not-utf8</c> at the line and column of
/// the first foreign byte, and nothing of it is stored; an import over the size limit is a 413 problem in Chinese.
/// </summary>
public sealed class ForeignEncodingImportTests(ForeignEncodingImportTests.Fixture fixture) : IClassFixture<ForeignEncodingImportTests.Fixture>
{
    private const string Unit = "panyu-ftu";

    public sealed class Fixture : IDisposable
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 3, 1));

        public void Dispose() => Server.Dispose();
    }

    [Fact]
    public async Task A_CSV_saved_in_GBK_is_400_at_its_first_foreign_byte_and_nothing_is_stored()
    {
        // 半天 of the seed log's hours, in GBK, on the second of two rows.
        const string Header = "key,activity,on,hours,participants\ngbk-1,concentrated-study,2014-02-21,1h,su-zhibang\n";
        const string Before = "gbk-2,concentrated-study,2014-02-21,";
        byte[] body = [.. Encoding.UTF8.GetBytes(Header + Before), 0xB0, 0xEB, 0xCC, 0xEC, .. ",su-zhibang\n"u8.ToArray()];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var response = await fixture.Server.As(TestTokens.RecorderPanyu, "zh-CN").PostAsync($"/units/{Unit}/records", content);

        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("body-not-utf8");
        var finding = problem.GetProperty("diagnostics").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("code").GetString().ShouldBe("file-not-utf8");
        finding.GetProperty("line").GetInt32().ShouldBe(3);
        finding.GetProperty("column").GetInt32().ShouldBe(Before.Length + 1);
        problem.GetProperty("detail").GetString()!.ShouldContain("0xB0");
        problem.GetProperty("detail").GetString()!.ShouldContain("UTF-8 编码");
        (await fixture.Server.Campaigns.Stores.Records.GetAsync(Unit, "gbk-1")).ShouldBeNull("a refused file stores none of its rows");
    }

    [Fact]
    public async Task A_CSV_with_a_UTF8_byte_order_mark_is_stored()
    {
        var content = new ByteArrayContent([.. Encoding.UTF8.Preamble, .. "key,activity,on,hours,participants\nbom-1,concentrated-study,2014-02-21,半天,su-zhibang\n"u8.ToArray()]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var response = await fixture.Server.As(TestTokens.RecorderPanyu).PostAsync($"/units/{Unit}/records", content);

        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        (await fixture.Server.Campaigns.Stores.Records.GetAsync(Unit, "bom-1")).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_import_over_the_limit_is_413_in_Chinese_when_no_language_is_asked_for()
    {
        var client = fixture.Server.As(TestTokens.RecorderPanyu);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        var csv = "key,activity,on,hours\n" + string.Concat(Enumerable.Range(0, 300_000).Select(i => $"big-{i},concentrated-study,2014-02-21,半天\n"));

        var response = await client.PostAsync($"/units/{Unit}/records", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var problem = await response.ReadAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("code").GetString().ShouldBe("body-too-large");
        problem.GetProperty("detail").GetString().ShouldBe(problem.GetProperty("messageZh").GetString());
    }
}
