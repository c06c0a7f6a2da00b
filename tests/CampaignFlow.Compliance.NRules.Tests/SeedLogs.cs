using System.Text.RegularExpressions;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>Every demo log of definitions/activities (the plans' own and the units' on templates), read against its unit's plan.</summary>
internal static partial class SeedLogs
{
    private static readonly Lazy<PlanCatalog> Catalog = new(() => PlanCatalog.Load([Repository.Path("definitions")]));
    private static readonly Lazy<IReadOnlyDictionary<string, ActivityLog>> Logs = new(ReadAll);

    /// <summary>The logs' names: <c>panyu-ftu-2014</c>, <c>units/weidu-court</c>.</summary>
    public static IEnumerable<string> Names =>
        Directory.GetFiles(Repository.Path("definitions", "activities"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Path("definitions", "activities"), f).Replace('\\', '/')[..^".yaml".Length])
            .Order(StringComparer.Ordinal);

    /// <summary>A demo log by name, read without diagnostics.</summary>
    public static ActivityLog Log(string name) => Logs.Value[name];

    /// <summary>The plan the log's unit runs (a template's plan for that unit, for a unit's log on a template).</summary>
    public static ResolvedPlan PlanOf(string name) => Log(name).UnitPlan!;

    private static Dictionary<string, ActivityLog> ReadAll()
    {
        var logs = new Dictionary<string, ActivityLog>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            var path = Repository.Path("definitions", "activities", name + ".yaml");
            var planId = PlanLine().Match(File.ReadAllText(path)).Groups[1].Value;
            var plan = Catalog.Value.Find(planId) ?? throw new InvalidOperationException($"{name}: no plan '{planId}' in definitions/.");
            var log = ActivityLogReader.ReadFile(path, plan);
            log.Diagnostics.ShouldBeEmpty(string.Join("\n", log.Diagnostics));
            logs[name] = log;
        }

        return logs;
    }

    [GeneratedRegex(@"^plan:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex PlanLine();
}
