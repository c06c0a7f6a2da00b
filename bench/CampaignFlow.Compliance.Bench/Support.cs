using System.Globalization;
using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.NRules;

namespace CampaignFlow.Compliance.Bench;

public sealed record Options(int Units, int Seed, double Drop, double Shift, int Check, int Extra, bool Replay, string Variant, string Definitions, IComplianceEngine Engine)
{
    public bool Experiment => Variant != "baseline";

    public static Options? Parse(string[] args)
    {
        var units = 10_000;
        var seed = 42;
        var drop = 0.05;
        var shift = 0.10;
        var check = 100;
        var extra = 2000;
        var replay = false;
        var variantName = "baseline";
        string? definitions = null;
        IComplianceEngine engine = ReteComplianceEngine.Instance;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--units": units = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--drop": drop = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--shift": shift = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--check": check = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--extra": extra = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--replay": replay = true; break;
                case "--definitions": definitions = Next(); break;
                case "--engine":
                    if (ComplianceEngines.Find(Next()) is not { } named)
                    {
                        return null;
                    }

                    engine = named;
                    break;
                case "--variant":
                    var variant = Next();
                    if (variant is not ("baseline" or "counted"))
                    {
                        return null;
                    }

                    variantName = variant;
                    break;
                default: return null;
            }
        }

        definitions ??= FindDefinitions();
        return units < 1 ? null : new Options(units, seed, drop, shift, check, extra, replay, variantName, definitions, engine);
    }

    // definitions/ of the repository: from the working directory or the executable, upwards.
    private static string FindDefinitions()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "definitions");
                if (File.Exists(Path.Combine(dir.FullName, "CampaignFlow.sln")) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("definitions/ not found; pass --definitions DIR");
    }
}

/// <summary>GC counters at one moment; the difference of two is what happened between them.</summary>
public readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, double PauseMs, long Allocated)
{
    public static GcSnapshot Take() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        GC.GetTotalPauseDuration().TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true));

    public static GcSnapshot operator -(GcSnapshot a, GcSnapshot b) =>
        new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.PauseMs - b.PauseMs, a.Allocated - b.Allocated);
}

/// <summary>Writes the report to the console as it goes.</summary>
public sealed class Report
{
    public void Line(string text) => Console.WriteLine(text);
}
