using System.Net;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Security;

/// <summary>
/// A console form posted without a valid anti-forgery token (a page left open across a restart that lost its keys,
/// a form sent from elsewhere) is still refused with 400 and nothing done, but says so: the page has expired, reload
/// it. A browser gets a page in the console's language with a link back; a script gets the problem document.
/// </summary>
public sealed class ExpiredFormTests(ExpiredFormTests.Fixture fixture) : IClassFixture<ExpiredFormTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 3, 1));

        public void Dispose() => Server.Dispose();
    }

    public static TheoryData<string, string> Forms() => new()
    {
        { "/console/sign-in", $"_handler=sign-in&Form.Token={TestTokens.Admin}" },
        { "/console/language", "lang=en&returnUrl=%2F" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_browser_gets_a_page_saying_it_expired_with_a_link_back_in_Chinese(string path, string form)
    {
        var response = await PostAsync(path, form, "text/html,application/xhtml+xml,*/*;q=0.8", referer: "http://localhost/console/violations?status=open");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("<html lang=\"zh-CN\">");
        page.ShouldContain("页面已过期");
        page.ShouldContain("请刷新页面后重新提交");
        page.ShouldContain("href=\"/console/violations?status=open\"");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse("nothing was done: no sign-in, no language switched");
    }

    [Fact]
    public async Task The_page_is_in_English_when_the_console_is_and_links_home_without_a_local_referer()
    {
        var response = await PostAsync("/console/sign-in", $"_handler=sign-in&Form.Token={TestTokens.Admin}", "text/html", referer: "https://elsewhere.example/form", language: "en");

        var page = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.ShouldContain("<html lang=\"en\">");
        page.ShouldContain("The page has expired");
        page.ShouldContain("href=\"/\"");
        page.ShouldNotContain("elsewhere.example");
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_script_gets_the_form_expired_problem(string path, string form)
    {
        var response = await PostAsync(path, form, "application/json", referer: null);

        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("form-expired");
        problem.GetProperty("messageZh").GetString()!.ShouldContain("请刷新页面后重新提交");
    }

    private Task<HttpResponseMessage> PostAsync(string path, string form, string accept, string? referer, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Accept.ParseAdd(accept);
        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        if (language is not null)
        {
            request.Headers.Add("Cookie", $"cf-lang={language}");
        }

        return fixture.Server.As(null).SendAsync(request);
    }
}
