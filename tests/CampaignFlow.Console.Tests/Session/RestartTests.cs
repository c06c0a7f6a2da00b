using System.Net;
using System.Text.RegularExpressions;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole;

namespace CampaignFlow.Console.Tests.Session;

/// <summary>
/// A reader signed in before a restart is still signed in after it: the keys that protect the cookie are kept in the
/// data folder (owner-only), not in memory.
/// </summary>
public sealed partial class RestartTests
{
    [Fact]
    public async Task A_sign_in_cookie_survives_a_restart_on_the_same_data_folder()
    {
        var data = ConsoleHost.NewDataFolder();
        var cookies = new CookieContainer();
        try
        {
            await using (var first = new ConsoleHost(data))
            {
                await first.StartAsync(waitForDemo: false);
                using var client = Client(first, cookies);
                var form = await client.GetStringAsync("/console/sign-in");
                var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;
                using var signIn = await client.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "sign-in",
                    ["__RequestVerificationToken"] = antiforgery,
                    ["Form.Token"] = DemoTokens.RecorderPrefix + "panyu-ftu",
                }));
                signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                (await client.GetAsync("/console/units/panyu-ftu")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            var keys = Path.Combine(data, ConsoleHosting.KeysFolderName);
            Directory.EnumerateFiles(keys, "key-*.xml").ShouldNotBeEmpty();
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(keys).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            await using var second = new ConsoleHost(data);
            await second.StartAsync(waitForDemo: false);
            using var again = Client(second, cookies);
            using var page = await again.GetAsync("/console/units/panyu-ftu");
            page.StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie of the first server is read by the second");
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static HttpClient Client(ConsoleHost host, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.Address };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
