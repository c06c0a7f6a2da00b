using System.Net;
using System.Text.RegularExpressions;
using CampaignFlow.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Server.Tests.Hosting;

/// <summary>
/// The first start's log explains itself (issue 17, item 1): started after the seeds' campaigns ended, the server opens
/// hundreds of violations at its first tick, and the line that says so names the campaigns that are over, says these
/// are the gaps of empty records, and where the console is, with the moment in Beijing time, in Chinese then English.
/// </summary>
public sealed partial class FirstJudgementLogTests
{
    [Fact]
    public async Task The_first_judgement_names_the_campaigns_over_and_says_the_violations_are_the_gaps_of_empty_records()
    {
        var logs = new CapturedLogs();
        using var server = new CampaignServer(start: new DateOnly(2014, 10, 10), services: s => s.AddSingleton<ILoggerProvider>(logs));

        await server.TickAsync();

        var line = logs.Messages.Where(m => m.Message.StartsWith("首次评判", StringComparison.Ordinal)).ShouldHaveSingleItem().Message;
        line.ShouldStartWith("首次评判（截至北京时间2014年10月10日 00:00）：未整改的违规 ");
        line.ShouldContain("panyu-ftu-2014（番禺区总工会，2014年9月30日结束）");
        line.ShouldContain("这些违规是空记录的缺口");
        ConsoleAddress().Match(line).Success.ShouldBeTrue(line);
        var english = line.IndexOf(" First judgement, to 10 Oct 2014 00:00 (Beijing time): ", StringComparison.Ordinal);
        english.ShouldBeGreaterThan(0, line);
        line[english..].ShouldContain("panyu-ftu-2014 (番禺区总工会, ended 30 Sep 2014)");

        // The Chinese half has no English word: only plan ids, the switch to start the demo and the console's address.
        var chinese = Ids().Replace(ConsoleAddress().Replace(line[..english], ""), "").Replace("--demo", "", StringComparison.Ordinal);
        Words().Matches(chinese).Select(m => m.Value).ShouldBeEmpty(chinese);
        logs.Messages.ShouldNotContain(m => m.Message.Contains("went from 0", StringComparison.Ordinal));
    }

    // The line sends the operator to /console: that address is the console (it was a 404 problem, the console's home
    // being only at /).
    [Theory]
    [InlineData("/console")]
    [InlineData("/console/")]
    public async Task The_console_address_the_first_judgement_names_leads_to_the_sign_in(string path)
    {
        using var server = new CampaignServer(start: new DateOnly(2014, 10, 10));
        var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldContain("/console/sign-in");
    }

    // Where the test host listens, if it says: the console's path after it.
    [GeneratedRegex(@"网页控制台：\S*/console")]
    private static partial Regex ConsoleAddress();

    [GeneratedRegex(@"[a-z0-9]+(?:-[a-z0-9]+)+")]
    private static partial Regex Ids();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Words();
}
