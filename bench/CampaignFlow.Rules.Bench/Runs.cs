using System.Diagnostics;
namespace CampaignFlow.Rules.Bench;

/// <summary>One configuration, run in the current process.</summary>
public static class Runs
{
    private const int ExtraFacts = 200;

    /// <param name="insert"><c>one</c>: fact by fact (<c>Insert</c>); <c>batch</c>: each session's facts in one <c>InsertAll</c>.</param>
    /// <param name="ballast">Objects kept alive beside each session per fact inserted, as long as the session.</param>
    public static Measurement Run(string mode, Workload workload, int seed, string engine = "campaignflow", string insert = "one", Ballast? ballast = null)
    {
        var batch = insert switch
        {
            "one" => false,
            "batch" => true,
            _ => throw new ArgumentException($"Unknown insert '{insert}': one or batch."),
        };
        var expected = Oracle.Evaluate(workload.Facts);
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        var label = batch && mode is "per-unit" or "one-session" ? $"{mode} batch" : mode;
        if (System.Runtime.GCSettings.IsServerGC)
        {
            label += ", server GC";
        }
        else if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch)
        {
            label += ", blocking GC";
        }

        var m = new Measurement { Mode = engine == "campaignflow" ? label : $"{label} ({engine})", Units = workload.UnitCount, Facts = workload.Facts.Count };
        HashSet<Violation> found;
        switch (mode)
        {
            case "per-unit":
                found = PerUnit(workload, m, seed, engine, batch, ballast ?? new Ballast(0, "chain"));
                break;
            case "one-session":
                found = OneSession(workload, m, seed, baseline, engine, batch, ballast ?? new Ballast(0, "chain"));
                break;
            case "naive":
                found = Naive(workload, m);
                break;
            case "oracle":
                var sw = Stopwatch.StartNew();
                found = Oracle.Evaluate(workload.Facts);
                m.FireMs = sw.Elapsed.TotalMilliseconds;
                break;
            default:
                throw new ArgumentException($"Unknown mode '{mode}'.");
        }

        m.Violations = found.Count;
        m.MatchesOracle = found.SetEquals(expected);
        if (!m.MatchesOracle)
        {
            Console.Error.WriteLine($"MISMATCH in {mode}: engine {found.Count}, oracle {expected.Count}");
            foreach (var v in found.Except(expected).Take(10))
            {
                Console.Error.WriteLine($"  extra   {v}");
            }

            foreach (var v in expected.Except(found).Take(10))
            {
                Console.Error.WriteLine($"  missing {v}");
            }
        }

        m.PeakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        m.GcPauseMs = GC.GetTotalPauseDuration().TotalMilliseconds;
        return m;
    }

    private static Func<IBenchSession> Compile(Measurement m, string engine)
    {
        var sw = Stopwatch.StartNew();
        var sessions = BenchEngines.Compile(engine);
        m.CompileMs = sw.Elapsed.TotalMilliseconds;
        return sessions;
    }

    private static HashSet<Violation> PerUnit(Workload workload, Measurement m, int seed, string engine, bool batch, Ballast ballast)
    {
        var newSession = Compile(m, engine);
        var units = workload.ByUnit();
        var found = new HashSet<Violation>();
        long insert = 0, fire = 0;
        IBenchSession? last = null;
        var run = RunClock.Start();
        foreach (var facts in units)
        {
            var t0 = Stopwatch.GetTimestamp();
            var session = newSession();
            Insert(session, facts, batch);
            var kept = ballast.Next();
            kept.Add(facts);
            GC.KeepAlive(kept);

            var t1 = Stopwatch.GetTimestamp();
            session.Fire();
            var t2 = Stopwatch.GetTimestamp();
            insert += t1 - t0;
            fire += t2 - t1;
            found.UnionWith(session.Violations());
            last = session;
        }

        run.Stop(m);
        m.InsertMs = Stopwatch.GetElapsedTime(0, insert).TotalMilliseconds;
        m.FireMs = Stopwatch.GetElapsedTime(0, fire).TotalMilliseconds;
        m.OneMoreFactUs = OneMoreFact(last!, [Workload.UnitOf(units[^1][0])], seed);
        return found;
    }

    private static HashSet<Violation> OneSession(Workload workload, Measurement m, int seed, long baseline, string engine, bool batch, Ballast ballast)
    {
        var session = Compile(m, engine)();

        // With ballast, fact by fact, the facts go in unit by unit with each unit's ballast after them, so that the
        // ballast ages with the session's own objects; a batch is one batch, its ballast after it.
        IReadOnlyList<IReadOnlyList<object>> parts = ballast.IsEmpty || batch ? [workload.Facts] : workload.ByUnit();
        var run = RunClock.Start();
        var t0 = Stopwatch.GetTimestamp();
        foreach (var facts in parts)
        {
            Insert(session, facts, batch);
            ballast.Add(facts);
        }

        var t1 = Stopwatch.GetTimestamp();
        session.Fire();
        var t2 = Stopwatch.GetTimestamp();
        run.Stop(m);
        m.InsertMs = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
        m.FireMs = Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
        var found = session.Violations().ToHashSet();

        GC.Collect();
        m.BytesPerFact = (GC.GetTotalMemory(true) - baseline) / (double)workload.Facts.Count;
        GC.KeepAlive(ballast);
        var units = workload.Facts.Select(Workload.UnitOf).Distinct().ToArray();
        m.OneMoreFactUs = OneMoreFact(session, units, seed);
        GC.KeepAlive(session);
        return found;
    }

    private static void Insert(IBenchSession session, IReadOnlyList<object> facts, bool batch)
    {
        if (batch)
        {
            session.InsertAll(facts);
            return;
        }

        foreach (var fact in facts)
        {
            session.Insert(fact);
        }
    }

    /// <summary>Average cost of inserting one more study session into a loaded session and firing.</summary>
    private static double OneMoreFact(IBenchSession session, int[] units, int seed)
    {
        var random = new Random(seed + 1);
        var extra = Enumerable.Range(0, ExtraFacts)
            .Select(_ => new StudySession(units[random.Next(units.Length)], random.Next(1, Workload.Weeks + 1), 1))
            .ToArray();
        var t0 = Stopwatch.GetTimestamp();
        foreach (var fact in extra)
        {
            session.Insert(fact);
            session.Fire();
        }

        var elapsed = Stopwatch.GetElapsedTime(t0);
        foreach (var fact in extra)
        {
            session.Retract(fact);
        }

        session.Fire();
        return elapsed.TotalMicroseconds / ExtraFacts;
    }

    /// <summary>The baseline without incrementality: after each fact, evaluate every rule over every fact again.</summary>
    private static HashSet<Violation> Naive(Workload workload, Measurement m)
    {
        var seen = new List<object>(workload.Facts.Count);
        var t0 = Stopwatch.GetTimestamp();
        HashSet<Violation> found = [];
        foreach (var fact in workload.Facts)
        {
            seen.Add(fact);
            found = Oracle.Evaluate(seen);
        }

        m.InsertMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        return found;
    }
}
