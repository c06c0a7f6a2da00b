using System.Text.Json;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Lifecycle;

/// <summary>
/// The template of 魏都区's streets published as version 2 by another host (written to the shared plan store, as that
/// host's publication writes it): the list of plans on a host that did not publish it, and that nobody has asked about
/// the plan, shows version 2 at once (ADR 0025's lists, brought up to the store by one query for every plan's highest).
/// </summary>
public static class LiveListScenario
{
    private const string Template = "weidu-streets-2014";

    /// <summary>Publishes version 2 of the template into <paramref name="through"/>'s store; lists through <paramref name="asked"/>.</summary>
    public static async Task RunAsync(CampaignServer through, CampaignServer asked)
    {
        var admin = asked.As(TestTokens.Admin);
        var before = TemplateIn(await admin.GetJsonAsync("/plans"));
        before.GetProperty("version").GetInt32().ShouldBe(1);

        var store = through.Campaigns.Stores.Plans;
        var first = (await store.GetAsync(Template, 1)).ShouldNotBeNull();
        var title = before.GetProperty("title").GetString()!;
        var files = first.Files.Select(f => f.Text.Contains($"plan: {Template}\n", StringComparison.Ordinal)
            ? f with { Text = f.Text.Replace($"plan: {Template}\n", $"plan: {Template}\nversion: 2\n", StringComparison.Ordinal).Replace(title, title + "（第二版）", StringComparison.Ordinal) }
            : f).ToArray();
        files.ShouldNotBe(first.Files);
        (await store.PublishAsync(new PlanVersion(Template, 2, first.Unit, PlanVersionHash.Of(files), files, DateTimeOffset.UtcNow))).Outcome.ShouldBe(PublishOutcome.Created);

        // Nothing asked about the plan on this host: the list itself is brought up to the store.
        var after = TemplateIn(await admin.GetJsonAsync("/plans"));
        after.GetProperty("version").GetInt32().ShouldBe(2, "the template's highest published version, with no restart and no request about it");
        after.GetProperty("title").GetString().ShouldBe(title + "（第二版）");
        asked.Campaigns.Service.FindPlan(Template).ShouldNotBeNull().Version.ShouldBe(2);

        // Asked again, up to date: the same answer (the store's highest are held, so no plan's texts are read again).
        TemplateIn(await admin.GetJsonAsync("/plans")).GetProperty("version").GetInt32().ShouldBe(2);
    }

    private static JsonElement TemplateIn(JsonElement list) =>
        list.EnumerateArray().Where(p => p.GetProperty("id").GetString() == Template && p.GetProperty("template").GetBoolean())
            .ShouldHaveSingleItem(Template + " listed once as a template (and by each unit that runs it, at the unit's version)");
}
