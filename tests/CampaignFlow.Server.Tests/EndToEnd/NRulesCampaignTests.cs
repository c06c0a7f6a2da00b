using CampaignFlow.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Server.Tests.EndToEnd;

/// <summary>番禺's whole campaign over HTTP with the compliance rules on NRules (<c>CampaignFlow:RulesEngine=nrules</c>): the same scenario, the same violations.</summary>
public sealed class NRulesCampaignTests
{
    [Fact]
    public async Task Panyu_campaign_runs_end_to_end_over_http_with_the_rules_on_nrules()
    {
        var logs = new CapturedLogs();
        using var server = new CampaignServer(
            settings: new Dictionary<string, string?> { ["CampaignFlow:RulesEngine"] = "nrules" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));

        await PanyuCampaignScenario.RunAsync(server);

        logs.Messages.ShouldContain(m => m.Level == LogLevel.Information && m.Message == "合规规则由 nrules 规则引擎运行 Compliance rules run on the nrules rules engine");
    }
}
