using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampaignFlow.Console.Tests.Fixtures;

/// <summary>
/// One demo server and one browser for every console test (starting either takes seconds; each test opens its own
/// browser context, so cookies never leak between tests). Screenshots go to artifacts/console/ (gitignored).
/// </summary>
public class ConsoleFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>A fixture over the whole demo.</summary>
    public ConsoleFixture()
        : this(new ConsoleHost())
    {
    }

    /// <summary>A fixture over <paramref name="host"/>.</summary>
    /// <param name="host">The server to start.</param>
    protected ConsoleFixture(ConsoleHost host) => Host = host;

    /// <summary>The server.</summary>
    public ConsoleHost Host { get; }

    /// <summary>The server's campaign service, to compute what a page must show.</summary>
    public CampaignFlow.Campaigns.Service.CampaignService Service => Host.Services.GetRequiredService<RunningCampaigns>().Service;

    /// <summary>A unit's open violations as the service holds them (all of them: a demo unit has a few dozen).</summary>
    /// <param name="unit">The unit's id.</param>
    public async Task<IReadOnlyList<StoredViolation>> OpenViolationsAsync(string unit) =>
        (await Service.QueryViolationsAsync(new ViolationQuery { Units = [unit], Status = ViolationStatus.Open, Limit = 1000 })).Items;

    /// <summary>Where screenshots are saved.</summary>
    public static string Artifacts { get; } = Repository.Path("artifacts", "console");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Artifacts);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        await Host.StartAsync();
    }

    /// <summary>A new page in a fresh context (no cookies), at phone width when asked, Chinese and Beijing time like the readers.</summary>
    /// <param name="phone">A 390-pixel-wide viewport instead of a desktop's.</param>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            AcceptDownloads = true,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in with <paramref name="token"/> on the sign-in page and waits for the page it leads to.</summary>
    /// <param name="page">The page.</param>
    /// <param name="token">The token.</param>
    public static async Task SignInAsync(IPage page, string token)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/console/sign-in**");
        await page.FillAsync("#token", token);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/console/sign-in", StringComparison.Ordinal));
    }

    /// <summary>The <c>total</c> the API answers for <paramref name="path"/> (a list of violations) with <paramref name="token"/>: what a page must agree with.</summary>
    /// <param name="path">The request's path and query.</param>
    /// <param name="token">The bearer token.</param>
    public async Task<int> ApiTotalAsync(string path, string token)
    {
        using var client = new HttpClient { BaseAddress = Host.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(path));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Saves a full-page screenshot as artifacts/console/<paramref name="name"/>.png.</summary>
    /// <param name="page">The page.</param>
    /// <param name="name">The file's name.</param>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
