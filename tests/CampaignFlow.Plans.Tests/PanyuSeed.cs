using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests;

/// <summary>番禺区总工会's seed plan as text, to change a line of and load with the roster and holidays files it names.</summary>
internal static class PanyuSeed
{
    /// <summary>The plan's text as in <c>definitions/</c>.</summary>
    public static string Text { get; } = File.ReadAllText(Repository.Path("definitions", "panyu-ftu-2014.yaml"));

    /// <summary>Loads <paramref name="text"/> in the seed plan's place, with its roster and holidays files, as the server holds them.</summary>
    /// <param name="text">The plan's text, changed.</param>
    public static PlanCatalog Load(string text) => PlanCatalog.LoadTexts(
    [
        new PlanText(Repository.Path("definitions", "panyu-ftu-2014.yaml"), text),
        new PlanText(Repository.Path("definitions", "panyu-ftu.roster.yaml"), File.ReadAllText(Repository.Path("definitions", "panyu-ftu.roster.yaml"))),
        new PlanText(Repository.Path("definitions", "calendar", "china.holidays.yaml"), File.ReadAllText(Repository.Path("definitions", "calendar", "china.holidays.yaml"))),
    ], [Repository.Path("definitions", "panyu-ftu-2014.yaml")]);
}
