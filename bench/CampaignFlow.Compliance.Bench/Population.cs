using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Bench;

/// <summary>One seed plan with a demo log: the plan compiled once, shared by every generated unit that runs it.</summary>
public sealed class SeedPlan(ResolvedPlan plan, ComplianceRules rules, IReadOnlyList<UnitRecord> demo, double compileMs)
{
    public ResolvedPlan Plan { get; } = plan;
    public ComplianceRules Rules { get; } = rules;
    public IReadOnlyList<UnitRecord> Demo { get; } = demo;
    public double CompileMs { get; } = compileMs;
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById(plan.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Midnight starting <paramref name="day"/> in the plan's time zone (as the simulator counts it).</summary>
    public DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));

    /// <summary>The day after the campaign's end: every period has closed (the default of <c>simulate</c>).</summary>
    public DateTimeOffset End => StartOf(Plan.Window.End.AddDays(1));
}

/// <summary>A generated unit: which seed plan it runs and its own log.</summary>
public sealed record GeneratedUnit(int Index, SeedPlan Seed, UnitRecord[] Records);

public static class Population
{
    /// <summary>The five seed plans that have a demo log, in this order.</summary>
    public static readonly string[] PlanIds =
        ["panyu-ftu-2014", "mianyang-ftu-2014", "anhui-organs-2013", "guangxi-ftu-2013", "weidu-xiguan-street-2014"];

    public static IReadOnlyList<SeedPlan> LoadSeeds(string definitions, bool experiment, IComplianceEngine engine)
    {
        var catalog = PlanCatalog.Load([definitions]);
        var seeds = new List<SeedPlan>();
        foreach (var id in PlanIds)
        {
            if (!catalog.Plans.TryGetValue(id, out var plan))
            {
                throw new InvalidOperationException($"plan {id} not found in {definitions}: {string.Join("\n", catalog.Diagnostics)}");
            }

            var log = ActivityLogReader.ReadFile(Path.Combine(definitions, "activities", id + ".yaml"), plan);
            if (log.HasErrors)
            {
                throw new InvalidOperationException($"demo log of {id}: {string.Join("\n", log.Diagnostics)}");
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var rules = experiment ? ComplianceRules.For(plan, engine, judge => new CountingJudge(judge, new JudgeContext(plan))) : ComplianceRules.For(plan, engine);

            seeds.Add(new SeedPlan(plan, rules, log.Records, watch.Elapsed.TotalMilliseconds));
        }

        return seeds;
    }

    /// <summary>
    /// Unit i runs seed plan i mod 5. Its log is the plan's demo log, each record copied (its own object), with
    /// probability <paramref name="drop"/> left out, and with probability <paramref name="shift"/> moved by 1–3 days
    /// either way (an activity's last day moves with it).
    /// </summary>
    public static GeneratedUnit[] Generate(IReadOnlyList<SeedPlan> seeds, int units, int seed, double drop, double shift)
    {
        var random = new Random(seed);
        var result = new GeneratedUnit[units];
        for (var i = 0; i < units; i++)
        {
            var plan = seeds[i % seeds.Count];
            var records = new List<UnitRecord>(plan.Demo.Count);
            foreach (var record in plan.Demo)
            {
                if (random.NextDouble() < drop)
                {
                    continue;
                }

                var days = 0;
                if (random.NextDouble() < shift)
                {
                    days = random.Next(1, 4) * (random.Next(2) == 0 ? -1 : 1);
                }

                records.Add(Shift(record, days));
            }

            result[i] = new GeneratedUnit(i, plan, records.ToArray());
        }

        return result;
    }

    /// <summary>A copy of <paramref name="record"/> moved by <paramref name="days"/>, optionally under a new key.</summary>
    public static UnitRecord Shift(UnitRecord record, int days, string? key = null) => record switch
    {
        ActivityRecord a => a with { Key = key ?? a.Key, Day = a.Day.AddDays(days), LastDay = a.LastDay.AddDays(days) },
        _ => record with { Key = key ?? record.Key, Day = record.Day.AddDays(days) },
    };
}
