using System.Diagnostics;
using System.Globalization;
using CampaignFlow.Compliance.Bench;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Sessions;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CampaignFlow.Compliance.Bench -- [options]
          --units N          generated units (default 10000), rotating over the five seed plans with a demo log
          --seed S           RNG seed (default 42)
          --drop P           probability a demo record is left out (default 0.05)
          --shift P          probability a demo record moves by 1-3 days either way (default 0.10)
          --check N          units re-evaluated by the plain C# oracle, evenly spread; 0 = every unit (default 100)
          --extra N          units that get one more record after the full load, timed one by one (default 2000)
          --replay           also replay every unit's log in day order, closing periods as days pass (AdvanceTo)
          --variant V        baseline (default): ComplianceRules.For as is; counted: the same rules, each judge
                             wrapped in a call counter (CountingJudge.cs)
          --definitions DIR  the seed plans (default: definitions/ of the repository)
          --engine E         the rules engine: campaignflow (default, ours) or nrules (the same rules on NRules 1.0.4)
        """);
    return 2;
}

var report = new Report();
var process = Process.GetCurrentProcess();
report.Line($"CampaignFlow.Compliance benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {Environment.ProcessorCount} cores, "
            + $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}{(System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Interactive ? " concurrent" : "")}, "
            + $"load average {LoadAverage()}");
report.Line($"units {options.Units:N0}, seed {options.Seed}, drop {options.Drop:P0}, shift {options.Shift:P0}, rules {(options.Experiment ? "as compiled by ComplianceRules.For, each judge wrapped in a call counter (CountingJudge.cs)" : "as compiled by ComplianceRules.For")} on the {options.Engine.Name} engine");
report.Line("");

// ── Compile each seed plan once ──────────────────────────────────────────────────────────────────────────────
var seeds = Population.LoadSeeds(options.Definitions, options.Experiment, options.Engine);
report.Line("| plan | requirements | demo records | dues per unit | compile ms (first, cold JIT) | compile ms (again, warm) |");
report.Line("|---|---|---|---|---|---|");
foreach (var s in seeds)
{
    var watch = Stopwatch.StartNew();
    _ = CampaignFlow.Compliance.Rules.ComplianceRules.For(s.Plan, options.Engine);

    var warm = watch.Elapsed.TotalMilliseconds;
    var dues = CampaignFlow.Compliance.Timing.DueSchedule.For(s.Plan, s.Plan.Unit.Id).Count;
    report.Line($"| {s.Plan.Id} | {s.Plan.Requirements.Count()} | {s.Demo.Count} | {dues} | {s.CompileMs:0.0} | {warm:0.0} |");
}

report.Line("");

// ── Generate the population (not timed) ────────────────────────────────────────────────────────────────────
var heapBeforeLogs = GC.GetTotalMemory(true);
var generateWatch = Stopwatch.StartNew();
var units = Population.Generate(seeds, options.Units, options.Seed, options.Drop, options.Shift);
var totalRecords = units.Sum(u => u.Records.Length);
report.Line($"generated {units.Length:N0} units, {totalRecords:N0} records ({(double)totalRecords / units.Length:0.0} per unit) in {generateWatch.ElapsedMilliseconds:N0} ms");

// Warm the JIT on one unit of each plan, so the timed load measures steady state.
foreach (var u in units.Take(seeds.Count))
{
    Load(u);
}

// ── Load: every unit records its whole log, then its clock moves to the campaign's end ─────────────────────
var heapBefore = GC.GetTotalMemory(true);
var gc = GcSnapshot.Take();
var judgeCalls = CountingJudge.JudgeCalls;
var judgeViolated = CountingJudge.Violated;
var sessions = new UnitCompliance[units.Length];
long createTicks = 0, recordTicks = 0, advanceTicks = 0;
var planTicks = new long[seeds.Count];
var loadWatch = Stopwatch.StartNew();
for (var i = 0; i < units.Length; i++)
{
    var u = units[i];
    var t0 = Stopwatch.GetTimestamp();
    var session = new UnitCompliance(u.Seed.Rules, u.Seed.Plan.Unit.Id);
    var t1 = Stopwatch.GetTimestamp();
    foreach (var record in u.Records)
    {
        session.Record(record);
    }

    var t2 = Stopwatch.GetTimestamp();
    session.AdvanceTo(u.Seed.End);
    var t3 = Stopwatch.GetTimestamp();
    createTicks += t1 - t0;
    recordTicks += t2 - t1;
    advanceTicks += t3 - t2;
    planTicks[i % seeds.Count] += t3 - t0;
    sessions[i] = session;
}

var loadMs = loadWatch.Elapsed.TotalMilliseconds;
var loadGc = GcSnapshot.Take() - gc;
var loadJudgeCalls = CountingJudge.JudgeCalls - judgeCalls;
var loadJudgeViolated = CountingJudge.Violated - judgeViolated;
var heapAfter = GC.GetTotalMemory(true);
var openIds = sessions.Select(s => Oracle.Sorted(s.Violations.Select(v => v.Id))).ToArray();
var violations = openIds.Sum(ids => ids.Length);

report.Line("");
report.Line("### Load: record every unit's log, then advance its clock to the campaign's end");
report.Line("");
report.Line("| figure | value |");
report.Line("|---|---|");
report.Line($"| units | {units.Length:N0} |");
report.Line($"| records | {totalRecords:N0} |");
report.Line($"| total ms | {loadMs:N0} |");
report.Line($"| units/s | {units.Length / (loadMs / 1000):N0} |");
report.Line($"| records/s | {totalRecords / (loadMs / 1000):N0} |");
report.Line($"| µs per record (all phases) | {loadMs * 1000 / totalRecords:0.0} |");
report.Line($"| split: new UnitCompliance (session, due schedule) ms | {Ms(createTicks):N0} |");
report.Line($"| split: Record × {totalRecords:N0} ms | {Ms(recordTicks):N0} |");
report.Line($"| split: AdvanceTo(end) ms (every Due inserted, every rule judged) | {Ms(advanceTicks):N0} |");
report.Line($"| violations open at the end | {violations:N0} ({(double)violations / units.Length:0.00} per unit) |");
if (options.Experiment)
{
    report.Line($"| judge calls (returning a violation) | {loadJudgeCalls:N0} ({loadJudgeViolated:N0}); {(double)loadJudgeCalls / units.Length:0.0} per unit |");
}

report.Line($"| GC: gen0 / gen1 / gen2 collections | {loadGc.Gen0} / {loadGc.Gen1} / {loadGc.Gen2} |");
report.Line($"| GC pause ms | {loadGc.PauseMs:N0} |");
report.Line($"| allocated MB (bytes per record) | {loadGc.Allocated / 1e6:N0} ({(double)loadGc.Allocated / totalRecords:N0}) |");
report.Line($"| heap held by the sessions MB (bytes per record) | {(heapAfter - heapBefore) / 1e6:N0} ({(double)(heapAfter - heapBefore) / totalRecords:N0}) |");
report.Line($"| heap held with the records themselves MB (bytes per record) | {(heapAfter - heapBeforeLogs) / 1e6:N0} ({(double)(heapAfter - heapBeforeLogs) / totalRecords:N0}) |");
report.Line("");
report.Line("| plan | units | records/unit | violations/unit | ms per unit | share of load time |");
report.Line("|---|---|---|---|---|---|");
for (var p = 0; p < seeds.Count; p++)
{
    var ofPlan = Enumerable.Range(0, units.Length).Where(i => i % seeds.Count == p).ToArray();
    if (ofPlan.Length == 0)
    {
        continue;
    }

    report.Line($"| {seeds[p].Plan.Id} | {ofPlan.Length:N0} | {ofPlan.Average(i => units[i].Records.Length):0.0} | {ofPlan.Average(i => openIds[i].Length):0.00} "
                + $"| {Ms(planTicks[p]) / ofPlan.Length:0.000} | {(double)planTicks[p] / planTicks.Sum():P0} |");
}

// ── The same load again, each session dropped when its unit is done: what keeping 10,000 sessions costs ────
{
    var dropGc = GcSnapshot.Take();
    var dropWatch = Stopwatch.StartNew();
    foreach (var u in units)
    {
        Load(u);
    }

    var dropMs = dropWatch.Elapsed.TotalMilliseconds;
    var dropped = GcSnapshot.Take() - dropGc;
    report.Line("");
    report.Line($"same load with each session dropped after its unit (nothing kept): {dropMs:N0} ms ({totalRecords / (dropMs / 1000):N0} records/s), "
                + $"GC {dropped.Gen0} / {dropped.Gen1} / {dropped.Gen2}, pause {dropped.PauseMs:N0} ms, allocated {dropped.Allocated / 1e6:N0} MB "
                + $"— keeping every session alive costs {loadMs / dropMs:0.0}× this");
}

// ── Correctness: the plain C# oracle on a sample of units ─────────────────────────────────────────────────
var sample = Sample(units.Length, options.Check, options.Seed + 2);
var failures = new List<string>();
var oracleCalls = Oracle.JudgeCalls;
var oracleWatch = Stopwatch.StartNew();
var expected = sample.Select(i => Oracle.Violations(units[i])).ToArray();
var oracleMs = oracleWatch.Elapsed.TotalMilliseconds;
for (var k = 0; k < sample.Length; k++)
{
    Compare($"unit {sample[k]} ({units[sample[k]].Seed.Plan.Id}) after the load", expected[k], openIds[sample[k]], failures);
}

report.Line("");
report.Line($"oracle: {sample.Length:N0} units re-evaluated in plain C# (each judge once per Due over all relevant records) in {oracleMs:N0} ms "
            + $"({oracleMs / sample.Length:0.000} ms per unit): {(failures.Count == 0 ? "all equal to the engine's violations" : $"{failures.Count} MISMATCHES")}; "
            + $"{expected.Sum(e => e.Length):N0} violations compared; {(double)(Oracle.JudgeCalls - oracleCalls) / sample.Length:0.0} judge calls per unit");

var pairs = sample.Select(i => Oracle.CollectedPairs(units[i])).ToArray();
report.Line($"(Due, record) pairs held by the Collects at the end, per unit of the sample: {pairs.Average(p => p.AsCompiled):N0} as compiled, "
            + $"{pairs.Average(p => p.Windowed):N0} with the window condition; {units.Where((_, i) => sample.Contains(i)).Average(u => u.Records.Length):N0} records per unit");

// ── Incremental: one more record into a loaded unit ────────────────────────────────────────────────────────
var random = new Random(options.Seed + 1);
var extraUnits = options.Extra <= 0 ? [] : Sample(units.Length, options.Extra, options.Seed + 3);
var extraUs = new double[extraUnits.Length];
var extraCalls = new long[extraUnits.Length];
var extraGc = GcSnapshot.Take();
judgeCalls = CountingJudge.JudgeCalls;
for (var k = 0; k < extraUnits.Length; k++)
{
    var u = units[extraUnits[k]];
    var template = u.Records[random.Next(u.Records.Length)];
    var extra = Population.Shift(template, 0, template.Key + "+extra");
    var callsBefore = CountingJudge.JudgeCalls;
    var t0 = Stopwatch.GetTimestamp();
    sessions[u.Index].Record(extra);
    extraUs[k] = (Stopwatch.GetTimestamp() - t0) * 1e6 / Stopwatch.Frequency;
    extraCalls[k] = CountingJudge.JudgeCalls - callsBefore;
    units[u.Index] = u with { Records = [.. u.Records, extra] };
}

var extraAllocated = GcSnapshot.Take() - extraGc;
var extraJudgeCalls = CountingJudge.JudgeCalls - judgeCalls;
report.Line("");
report.Line($"### One more record after the full load ({extraUnits.Length:N0} units, one each: a copy of a random record of the unit under a new key)");
report.Line("");
report.Line("| plan | records | median µs | p90 µs | p99 µs | max µs | mean µs |");
report.Line("|---|---|---|---|---|---|---|");
report.Line(Percentiles("all", extraUs));
for (var p = 0; p < seeds.Count; p++)
{
    var ofPlan = extraUnits.Select((u, k) => (u, k)).Where(x => x.u % seeds.Count == p).Select(x => extraUs[x.k]).ToArray();
    if (ofPlan.Length > 0)
    {
        report.Line(Percentiles(seeds[p].Plan.Id, ofPlan));
    }
}

var byKind = extraUnits.Select((u, k) => (kind: Kind(units[u].Records[^1]), us: extraUs[k], calls: extraCalls[k])).GroupBy(x => x.kind).OrderByDescending(g => g.Average(x => x.us));
report.Line("");
report.Line("| record kind added | records | median µs | p90 µs | p99 µs | max µs | mean µs |" + (options.Experiment ? " judge calls, mean |" : ""));
report.Line("|---|---|---|---|---|---|---|" + (options.Experiment ? "---|" : ""));
foreach (var g in byKind)
{
    report.Line(Percentiles(g.Key, g.Select(x => x.us).ToArray()) + (options.Experiment ? $" {g.Average(x => x.calls):0.0} |" : ""));
}

report.Line("");
report.Line($"allocated per extra record: {(double)extraAllocated.Allocated / Math.Max(1, extraUnits.Length):N0} bytes"
            + (options.Experiment ? $"; judge calls per extra record: {(double)extraJudgeCalls / Math.Max(1, extraUnits.Length):0.0}" : ""));

// The units that got a record: still equal to the oracle over their grown logs?
var extraChecked = 0;
foreach (var i in extraUnits.Where((_, k) => k % Math.Max(1, extraUnits.Length / Math.Max(1, options.Check == 0 ? extraUnits.Length : options.Check)) == 0))
{
    Compare($"unit {i} ({units[i].Seed.Plan.Id}) after one more record", Oracle.Violations(units[i]), Oracle.Sorted(sessions[i].Violations.Select(v => v.Id)), failures);
    extraChecked++;
}

report.Line($"oracle after the extra record: {extraChecked:N0} units compared: {(failures.Count == 0 ? "all equal" : $"{failures.Count} MISMATCHES in all")}");

process.Refresh();
report.Line("");
report.Line($"peak working set: {process.PeakWorkingSet64 / 1e6:N0} MB");

// Memory split on the first (up to) 1,000 units, in fresh sessions: what the records cost in a session before any
// Due, and what closing every Due (Collects, activations, violations) adds.
{
    var few = units.Take(Math.Min(units.Length, 1000)).ToArray();
    var fewRecords = few.Sum(u => u.Records.Length);
    var fewDues = few.Sum(u => CampaignFlow.Compliance.Timing.DueSchedule.For(u.Seed.Plan, u.Seed.Plan.Unit.Id).Count);
    var held = new UnitCompliance[few.Length];
    var m0 = GC.GetTotalMemory(true);
    for (var i = 0; i < few.Length; i++)
    {
        held[i] = new UnitCompliance(few[i].Seed.Rules, few[i].Seed.Plan.Unit.Id);
    }

    var m1 = GC.GetTotalMemory(true);
    for (var i = 0; i < few.Length; i++)
    {
        foreach (var record in few[i].Records)
        {
            held[i].Record(record);
        }
    }

    var m2 = GC.GetTotalMemory(true);
    for (var i = 0; i < few.Length; i++)
    {
        held[i].AdvanceTo(few[i].Seed.End);
    }

    var m3 = GC.GetTotalMemory(true);
    report.Line($"memory split over {few.Length:N0} units ({fewRecords:N0} records, {fewDues:N0} Dues): empty sessions with their due schedules "
                + $"{(m1 - m0) / 1e3 / few.Length:N1} KB per unit; records recorded {(double)(m2 - m1) / fewRecords:N0} B per record; "
                + $"every Due closed and judged {(double)(m3 - m2) / fewDues:N0} B per Due ({(double)(m3 - m2) / fewRecords:N0} B per record)");
    GC.KeepAlive(held);
}

// ── Replay: the same logs in day order, periods closing as days pass ───────────────────────────────────────
if (options.Replay)
{
    var finalIds = sessions.Select(s => Oracle.Sorted(s.Violations.Select(v => v.Id))).ToArray();
    Array.Clear(sessions);
    sessions = null!;
    GC.Collect();
    gc = GcSnapshot.Take();
    judgeCalls = CountingJudge.JudgeCalls;
    var changeKinds = new long[Enum.GetValues<ViolationChangeKind>().Max(k => (int)k) + 1];
    long identicalChanges = 0;
    long replayRecordTicks = 0, replayAdvanceTicks = 0, advances = 0, dueClosings = 0, changes = 0;
    var replayWatch = Stopwatch.StartNew();
    for (var i = 0; i < units.Length; i++)
    {
        var u = units[i];
        var session = new UnitCompliance(u.Seed.Rules, u.Seed.Plan.Unit.Id);
        var pending = session.Pending.Count();
        var end = u.Seed.End;
        foreach (var record in u.Records.Where(r => u.Seed.StartOf(r.Day) < end).OrderBy(r => r.Day))
        {
            var t0 = Stopwatch.GetTimestamp();
            session.AdvanceTo(u.Seed.StartOf(record.Day));
            var t1 = Stopwatch.GetTimestamp();
            session.Record(record);
            var t2 = Stopwatch.GetTimestamp();
            replayAdvanceTicks += t1 - t0;
            replayRecordTicks += t2 - t1;
            advances++;
        }

        var t3 = Stopwatch.GetTimestamp();
        session.AdvanceTo(end);
        replayAdvanceTicks += Stopwatch.GetTimestamp() - t3;
        dueClosings += pending;
        changes += session.History.Count;
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in session.History)
        {
            changeKinds[(int)change.Kind]++;
            var content = Content(change.Violation);
            if (change.Kind == ViolationChangeKind.Changed && last.GetValueOrDefault(change.Violation.Id) == content)
            {
                identicalChanges++;
            }

            last[change.Violation.Id] = content;
        }

        Compare($"unit {i} ({u.Seed.Plan.Id}) replayed in day order", finalIds[i], Oracle.Sorted(session.Violations.Select(v => v.Id)), failures);
    }

    var replayMs = replayWatch.Elapsed.TotalMilliseconds;
    var replayGc = GcSnapshot.Take() - gc;
    report.Line("");
    report.Line("### Replay: every unit's log in day order, its clock advanced to each record's day first (as `simulate` does)");
    report.Line("");
    report.Line("| figure | value |");
    report.Line("|---|---|");
    report.Line($"| total ms (including the comparison) | {replayMs:N0} |");
    report.Line($"| units/s | {units.Length / (replayMs / 1000):N0} |");
    report.Line($"| records/s | {units.Sum(u => u.Records.Length) / (replayMs / 1000):N0} |");
    report.Line($"| split: Record ms | {Ms(replayRecordTicks):N0} ({Ms(replayRecordTicks) * 1000 / advances:0.0} µs per record) |");
    report.Line($"| split: AdvanceTo ms | {Ms(replayAdvanceTicks):N0} ({Ms(replayAdvanceTicks) * 1000 / dueClosings:0.0} µs per Due closed; {dueClosings:N0} Dues) |");
    report.Line($"| violation history entries | {changes:N0}: {string.Join(", ", Enum.GetValues<ViolationChangeKind>().Select(k => $"{k} {changeKinds[(int)k]:N0}"))}; of the changes, {identicalChanges:N0} with the same message and evidence as before |");
    report.Line($"| GC: gen0 / gen1 / gen2, pause ms | {replayGc.Gen0} / {replayGc.Gen1} / {replayGc.Gen2}, {replayGc.PauseMs:N0} |");
    report.Line($"| allocated MB (bytes per record) | {replayGc.Allocated / 1e6:N0} ({(double)replayGc.Allocated / advances:N0}) |");
    if (options.Experiment)
    {
        report.Line($"| judge calls | {CountingJudge.JudgeCalls - judgeCalls:N0} ({(double)(CountingJudge.JudgeCalls - judgeCalls) / advances:0.0} per record) |");
    }

    report.Line($"| final violations equal to the load's | {(failures.Count == 0 ? "yes, every unit" : "NO")} |");
}

if (failures.Count > 0)
{
    Console.Error.WriteLine($"MISMATCH: {failures.Count} unit(s) differ");
    foreach (var f in failures.Take(20))
    {
        Console.Error.WriteLine(f);
    }

    return 1;
}

return 0;

static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

// A seeded random sample of unit indexes, in order (so every plan is represented in proportion).
static int[] Sample(int count, int wanted, int seed)
{
    var all = Enumerable.Range(0, count).ToArray();
    if (wanted <= 0 || wanted >= count)
    {
        return all;
    }

    new Random(seed).Shuffle(all);
    return all.Take(wanted).Order().ToArray();
}

static void Compare(string what, string[] expected, string[] actual, List<string> failures)
{
    if (expected.SequenceEqual(actual))
    {
        return;
    }

    failures.Add($"{what}:\n  only expected: {string.Join(", ", expected.Except(actual))}\n  only actual:   {string.Join(", ", actual.Except(expected))}");
}

static string Percentiles(string label, double[] values)
{
    if (values.Length == 0)
    {
        return $"| {label} | 0 | | | | | |";
    }

    var sorted = values.Order().ToArray();
    double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    return $"| {label} | {sorted.Length:N0} | {At(0.5):0.0} | {At(0.9):0.0} | {At(0.99):0.0} | {sorted[^1]:0.0} | {sorted.Average():0.0} |";
}

static string Kind(UnitRecord record) => record switch
{
    ActivityRecord a => "activity " + a.Kind,
    DocumentRecord d => "document " + d.Kind,
    ReviewRecord r => "review " + r.DocumentKind,
    PublicationRecord p => "publication " + p.DocumentKind,
    LedgerItemRecord l => "ledger " + l.Ledger,
    _ => record.GetType().Name,
};

// What an auditor sees of a violation: its message and its evidence.
static string Content(CampaignFlow.Compliance.Violations.Violation v) =>
    string.Join("\u001f", [v.Message(CultureInfo.InvariantCulture), .. v.Evidence.Counted, "|", .. v.Evidence.Missing, "|", v.Evidence.Actual ?? "", v.Evidence.Required ?? ""]);

static string LoadAverage()
{
    try
    {
        return File.ReadAllText("/proc/loadavg").Split(' ')[0];
    }
    catch (IOException)
    {
        return "?";
    }
}

void Load(GeneratedUnit u)
{
    var session = new UnitCompliance(u.Seed.Rules, u.Seed.Plan.Unit.Id);
    foreach (var record in u.Records)
    {
        session.Record(record);
    }

    session.AdvanceTo(u.Seed.End);
}
