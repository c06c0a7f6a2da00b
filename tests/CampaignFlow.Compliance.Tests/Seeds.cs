using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Compliance.Tests;

/// <summary>The seed plans of definitions/ and their demo logs, read once and compiled once per plan.</summary>
internal static class Seeds
{
    private static readonly Lazy<PlanCatalog> Catalog = new(() => PlanCatalog.Load([Repository.Path("definitions")]));
    private static readonly Dictionary<string, ComplianceRules> Compiled = new();

    public static ResolvedPlan Plan(string id) => Catalog.Value.Plans[id];

    public static ComplianceRules Rules(string id)
    {
        lock (Compiled)
        {
            return Compiled.TryGetValue(id, out var rules) ? rules : Compiled[id] = ComplianceRules.For(Plan(id));
        }
    }

    public static ActivityLog Log(string id)
    {
        var log = ActivityLogReader.ReadFile(Repository.Path("definitions", "activities", id + ".yaml"), Plan(id));
        log.Diagnostics.ShouldBeEmpty(string.Join("\n", log.Diagnostics));
        return log;
    }

    /// <summary>The demo log of <paramref name="planId"/> with some records left out and some added.</summary>
    public static SimulationResult Simulate(string planId, Func<UnitRecord, bool>? without = null, IEnumerable<UnitRecord>? with = null, DateOnly? until = null) =>
        Simulator.Run(
            Rules(planId),
            Log(planId).Records.Where(r => without is null || !without(r)).Concat(with ?? []),
            until is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) : null);

    public static ActivityRecord Activity(string planId, string key, string kind, string day, decimal hours = 0, params string[] participants) =>
        new(key, Plan(planId).Unit.Id, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), kind) { Hours = hours, Participants = participants };
}
