using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Telemetry;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Sessions;

/// <summary>
/// One unit's compliance: its records and the closing of its requirements' periods go into a rules session, and
/// violations come out, each with its history. Recording the same key twice keeps the first record.
/// </summary>
/// <remarks>
/// Single-threaded, like the rules session beneath it; keep one per unit. The session is of the engine that
/// <see cref="ComplianceRules.Network"/> was compiled for; nothing here depends on which.
/// </remarks>
public sealed class UnitCompliance
{
    private readonly IComplianceSession _session;
    private readonly Dictionary<string, UnitRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Unit, string Key), UnitRecord> _below = [];
    private readonly Dictionary<string, ViolationChange> _latest = new(StringComparer.Ordinal);
    private IReadOnlyList<UnitRecord> _moment = [];
    private readonly Dictionary<string, Violation> _open = new(StringComparer.Ordinal);

    // The open violation's id of each slot (see Slot): a verdict whose id changes replaces the one before it.
    private readonly Dictionary<string, string> _slots = new(StringComparer.Ordinal);
    private readonly List<ViolationChange> _history = [];
    private readonly IReadOnlyList<DuePeriod> _schedule;
    private readonly IReadOnlyList<PhaseBoundary> _boundaries;
    private readonly HashSet<string> _openPhases = new(StringComparer.Ordinal);
    private int _nextBoundary;
    private readonly TimeZoneInfo _zone;
    private int _nextDue;

    // Periods that close on a day a record sets (a reviewer's due:), found as records arrive and closed once the clock
    // passes them: each (day, requirement) once.
    private readonly SortedSet<(DateOnly Day, string RequirementId)> _setDeadlines = [];
    private readonly HashSet<(DateOnly Day, string RequirementId)> _closedDeadlines = [];
    private readonly Dictionary<string, string?[]> _targets;
    private readonly Judges.RequirementJudge[] _deadlineJudges;

    /// <summary>Starts a unit's compliance on <paramref name="rules"/>, with its clock at the campaign's start.</summary>
    /// <param name="rules">The unit's plan, compiled.</param>
    /// <param name="unit">The unit's id.</param>
    public UnitCompliance(ComplianceRules rules, string unit)
    {
        Rules = rules;
        Unit = unit;
        _zone = CampaignFlow.Plans.Zones.PlanTimeZone.Of(rules.Plan.TimeZone);
        _schedule = rules.Schedule;
        _boundaries = Boundaries(rules.Plan.Phases, unit).OrderBy(b => b.Opens ? b.Day.DayNumber : b.Day.DayNumber + 1).ThenBy(b => b.Opens).ToArray();
        Now = new DateTimeOffset(rules.Plan.Window.Start.ToDateTime(TimeOnly.MinValue), _zone.GetUtcOffset(rules.Plan.Window.Start.ToDateTime(TimeOnly.MinValue)));
        _targets = _schedule.GroupBy(d => d.RequirementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Target).Distinct().ToArray(), StringComparer.Ordinal);
        _deadlineJudges = rules.Judges.Values.Where(j => j.SetsDeadlines).ToArray();
        _session = rules.Network.CreateSession();
        _session.ViolationInserted += (_, e) => Observe(e.Violation, ViolationChangeKind.Opened);
        _session.ViolationUpdated += (_, e) => Observe(e.Violation, ViolationChangeKind.Changed);
        _session.ViolationRetracted += (_, e) => Observe(e.Violation, ViolationChangeKind.Resolved);
    }

    /// <summary>The compiled plan.</summary>
    public ComplianceRules Rules { get; }

    /// <summary>The unit.</summary>
    public string Unit { get; }

    /// <summary>The unit's clock: periods that closed before today's date have been judged.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>The violations open now, by id.</summary>
    public IReadOnlyCollection<Violation> Violations => _open.Values;

    /// <summary>Every opening, change and resolution so far, in order of time; the changes of one moment in violation id order.</summary>
    public IReadOnlyList<ViolationChange> History => _history;

    /// <summary>
    /// The last step of violation <paramref name="id"/>'s history, with the records that caused it and the evidence
    /// after them; null when the session has seen none (a session rebuilt after it resolved).
    /// </summary>
    /// <param name="id">A violation id.</param>
    public ViolationChange? LastChangeOf(string id) => _latest.GetValueOrDefault(id);

    /// <summary>The periods not closed yet: their requirements are pending, not violated.</summary>
    public IEnumerable<Due> Pending => _schedule.Skip(_nextDue).Select(d => d.For(Unit));

    /// <summary>The phases (and links) open at <see cref="Now"/>.</summary>
    public IReadOnlyCollection<string> OpenPhases => _openPhases;

    /// <summary>The records kept, by key.</summary>
    public IReadOnlyDictionary<string, UnitRecord> Records => _records;

    /// <summary>Records what the unit did; a key already recorded is ignored.</summary>
    /// <param name="record">The record, of this unit.</param>
    /// <returns>True when it was new.</returns>
    /// <exception cref="ArgumentException">The record is another unit's.</exception>
    public bool Record(UnitRecord record)
    {
        if (record.Unit != Unit)
        {
            throw new ArgumentException($"Record '{record.Key}' is for unit '{record.Unit}', not '{Unit}'.", nameof(record));
        }

        if (!_records.TryAdd(record.Key, record))
        {
            return false;
        }

        var from = _history.Count;
        _moment = [record];
        _session.Insert(record);
        FindDeadlines([record]);
        CloseDeadlines(Today);
        ComplianceMeter.RulesFired(_session.Fire());
        _moment = [];
        InIdOrder(from);
        return true;
    }

    /// <summary>
    /// Records several things the unit did at once and judges once: what a replay or a batch needs, where judging after
    /// each record would weigh the unit's records again for every one of them. Keys already recorded are ignored.
    /// </summary>
    /// <param name="records">The records, of this unit.</param>
    /// <returns>How many were new.</returns>
    /// <exception cref="ArgumentException">A record is another unit's.</exception>
    public int Record(IEnumerable<UnitRecord> records)
    {
        var added = new List<UnitRecord>();
        foreach (var record in records)
        {
            if (record.Unit != Unit)
            {
                throw new ArgumentException($"Record '{record.Key}' is for unit '{record.Unit}', not '{Unit}'.", nameof(records));
            }

            if (_records.TryAdd(record.Key, record))
            {
                added.Add(record);
            }
        }

        if (added.Count > 0)
        {
            // One batch: both engines propagate it at once (InsertAll), each node taking the batch's facts together.
            var from = _history.Count;
            _moment = added;
            _session.InsertAll(added);
            FindDeadlines(added);
            CloseDeadlines(Today);
            ComplianceMeter.RulesFired(_session.Fire());
            _moment = [];
            InIdOrder(from);
        }

        return added.Count;
    }

    /// <summary>How many records of the units below the unit the session holds (see <see cref="RecordBelow"/>).</summary>
    public int RecordsBelow => _below.Count;

    /// <summary>
    /// Records what units below this one did, for the unit's requirements over them (a body's <c>acrossUnits</c>) and
    /// judges once; a (unit, key) already recorded is ignored. The unit's own requirements do not count them: their
    /// rules match the unit's own records only.
    /// </summary>
    /// <param name="records">Records of other units.</param>
    /// <returns>How many were new.</returns>
    /// <exception cref="ArgumentException">A record is this unit's own (record it with <see cref="Record(UnitRecord)"/>).</exception>
    public int RecordBelow(IEnumerable<UnitRecord> records)
    {
        var added = new List<UnitRecord>();
        foreach (var record in records)
        {
            if (record.Unit == Unit)
            {
                throw new ArgumentException($"Record '{record.Key}' is the unit's own; it is not from below.", nameof(records));
            }

            if (_below.TryAdd((record.Unit, record.Key), record))
            {
                added.Add(record);
            }
        }

        if (added.Count > 0)
        {
            // One batch, as Record does: a requirement over the units below judges all their records each time its
            // collection changes, so fact by fact a body taking a province's records judged them once per record.
            _session.InsertAll(added);
            var from = _history.Count;
            _moment = added;
            ComplianceMeter.RulesFired(_session.Fire());
            _moment = [];
            InIdOrder(from);
        }

        return added.Count;
    }

    /// <summary>Moves the unit's clock to <paramref name="now"/>: every period that ended before its date is judged.</summary>
    /// <param name="now">The new time; earlier than the clock changes nothing.</param>
    public void AdvanceTo(DateTimeOffset now)
    {
        if (now <= Now)
        {
            return;
        }

        Now = now;
        var from = _history.Count;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime);
        while (_nextDue < _schedule.Count && _schedule[_nextDue].End < today)
        {
            var closing = _schedule[_nextDue++];
            _session.Insert(closing.For(Unit, Rules.Judges[closing.RequirementId]));
        }

        CloseDeadlines(today);

        // Phases open on their first day and close after their last, as time facts the rules (and the campaign
        // layer) can match.
        while (_nextBoundary < _boundaries.Count && (_boundaries[_nextBoundary].Opens ? _boundaries[_nextBoundary].Day <= today : _boundaries[_nextBoundary].Day < today))
        {
            var boundary = _boundaries[_nextBoundary++];
            _session.Insert(boundary);
            if (boundary.Opens)
            {
                _openPhases.Add(boundary.PhaseId);
            }
            else
            {
                _openPhases.Remove(boundary.PhaseId);
            }
        }

        ComplianceMeter.RulesFired(_session.Fire());
        InIdOrder(from);
    }

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, _zone).DateTime);

    private void FindDeadlines(IEnumerable<UnitRecord> records)
    {
        foreach (var record in records)
        {
            foreach (var judge in _deadlineJudges)
            {
                if (judge.DeadlineSetBy(record, key => _records.GetValueOrDefault(key)) is { } day)
                {
                    _setDeadlines.Add((day, judge.Requirement.Id));
                }
            }
        }
    }

    // A deadline a record set is closed like any period: from the day after it, for each target of its requirement.
    private void CloseDeadlines(DateOnly today)
    {
        while (_setDeadlines.Count > 0 && _setDeadlines.Min.Day < today)
        {
            var (day, requirementId) = _setDeadlines.Min;
            _setDeadlines.Remove(_setDeadlines.Min);
            if (!_closedDeadlines.Add((day, requirementId)) || !Rules.Judges.TryGetValue(requirementId, out var judge))
            {
                continue;
            }

            foreach (var target in _targets.GetValueOrDefault(requirementId, [null]))
            {
                _session.Insert(new Due(Unit, requirementId, RunTimeDeadline.Label(day), target, judge.Requirement.Window.Start, day) { Judge = judge });
            }
        }
    }

    /// <summary>
    /// Puts the changes of one moment (from <paramref name="from"/> on) in the order of their violations' ids, each
    /// violation's own changes kept in the order they happened. The order in which a session fires the activations of
    /// one moment is its agenda's (ours fires the most recent first; NRules has its own), not the campaign's: in id
    /// order, the history is the same on every engine.
    /// </summary>
    private void InIdOrder(int from)
    {
        if (_history.Count - from < 2)
        {
            return;
        }

        var moment = _history.GetRange(from, _history.Count - from).OrderBy(c => c.Violation.Id, StringComparer.Ordinal).ToArray();
        _history.RemoveRange(from, moment.Length);
        _history.AddRange(moment);
    }

    private void Observe(Violation violation, ViolationChangeKind kind)
    {
        var slot = Slot(violation);
        if (kind == ViolationChangeKind.Resolved)
        {
            // A violation another verdict of its slot replaced was resolved then; the engine's retraction of it (an
            // engine may retract the old fact after inserting the new) says nothing more.
            if (!_open.Remove(violation.Id))
            {
                return;
            }

            if (_slots.GetValueOrDefault(slot) == violation.Id)
            {
                _slots.Remove(slot);
            }

            Resolve(violation);
            return;
        }

        // Re-judging a period often finds the same verdict; auditors' history records only real changes.
        if (kind == ViolationChangeKind.Changed && _open.TryGetValue(violation.Id, out var before) && SameVerdict(before, violation))
        {
            _open[violation.Id] = violation;
            return;
        }

        // The new verdict of a slot names another record than the one open (an earlier record of the action came in):
        // the engines update their one fact of the slot, but for the unit and the store they are two violations, so
        // the one named before is resolved by what came in and the new one opens.
        Violation? old = null;
        var replaced = _slots.TryGetValue(slot, out var previous) && previous != violation.Id && _open.Remove(previous, out old);
        if (replaced)
        {
            Resolve(old!);
            kind = ViolationChangeKind.Opened;
        }

        _slots[slot] = violation.Id;
        _open[violation.Id] = violation;
        var step = new ViolationChange(Now, kind, violation)
        {
            Records = kind == ViolationChangeKind.Changed || replaced ? Named(Bearing(violation, _moment)) : [],
        };
        _latest[violation.Id] = step;
        _history.Add(step);
    }

    private void Resolve(Violation violation)
    {
        var resolved = Resolution(violation);
        _latest[violation.Id] = resolved;
        _history.Add(resolved);
    }

    /// <summary>
    /// What one rule activation judges, so what at most one violation at a time occupies: the violation's id without the
    /// record it names, unless its requirement is judged record by record (then the record is the activation's own).
    /// </summary>
    private string Slot(Violation violation) =>
        violation.Record is null || Rules.Judges.GetValueOrDefault(violation.RequirementId)?.PerRecord != false
            ? violation.Id
            : (violation with { Record = null }).Id;

    /// <summary>
    /// A resolution with its cause: the records of the moment that bear on the violation and what its judge finds once
    /// they count. A requirement over the units below takes their records in batches of whatever arrived since the last
    /// tick, so the moment's records depend on tick timing; there the cause is the one record that, in the order of
    /// days, units and keys, brought the requirement over the line, and the evidence is the judge's with the records up
    /// to it: the same records give the same history however they were batched.
    /// </summary>
    private ViolationChange Resolution(Violation violation)
    {
        var judge = Rules.Judges.GetValueOrDefault(violation.RequirementId);
        var due = new Due(violation.Unit, violation.RequirementId, violation.Period, violation.Target, violation.PeriodStart, violation.PeriodEnd) { Judge = judge };
        if (judge is null)
        {
            return new ViolationChange(Now, ViolationChangeKind.Resolved, violation) { Records = Named(_moment) };
        }

        if (judge.ReadsOtherUnits)
        {
            var all = _records.Values.Concat(_below.Values).Where(judge.IsRelevant)
                .OrderBy(r => r.Day).ThenBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).ToArray();
            if (Crossing(judge, due, all) is not { } crossing)
            {
                // Resolved by no record (an exception, a rebuilt session): the batch is all there is to name.
                return new ViolationChange(Now, ViolationChangeKind.Resolved, violation) { Records = Named(_moment) };
            }

            var line = all[crossing];
            // The figures are the judge's with the records before the crossing one, and its unit added to those
            // done: what the same records say however the ticks batched them.
            var before = judge.Judge(due, all[..crossing])?.Evidence ?? violation.Evidence;
            var units = before.Counted.Append(line.Unit).Distinct(StringComparer.Ordinal).ToArray();
            return new ViolationChange(Now, ViolationChangeKind.Resolved, violation)
            {
                Records = Named([line]),
                After = judge.Standing(due, all[..(crossing + 1)]) ?? new Evidence(units, [], null, before.Required),
            };
        }

        var keys = Named(Bearing(violation, _moment));
        var after = judge.Standing(due, _records.Values.Where(judge.IsRelevant).ToArray())
            ?? new Evidence([.. violation.Evidence.Counted.Union(keys, StringComparer.Ordinal)], [], null, violation.Evidence.Required);
        return new ViolationChange(Now, ViolationChangeKind.Resolved, violation) { Records = keys, After = after };
    }

    /// <summary>The records' keys; a record of a unit below as <c>unit/key</c>, since keys are unique only within a unit.</summary>
    private string[] Named(IEnumerable<UnitRecord> records) => records.Select(r => r.Unit == Unit ? r.Key : $"{r.Unit}/{r.Key}").ToArray();

    /// <summary>The index of the first record whose prefix meets the requirement (records only add up), or null when none does.</summary>
    private static int? Crossing(Judges.RequirementJudge judge, Due due, UnitRecord[] records)
    {
        if (records.Length == 0 || judge.Judge(due, records) is not null)
        {
            return null;
        }

        var (low, high) = (0, records.Length - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (judge.Judge(due, records[..(middle + 1)]) is null)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>
    /// The records among <paramref name="records"/> that bear on <paramref name="violation"/>: relevant to its
    /// requirement, in its period when the requirement reads only that, its target's, or an exception for its action.
    /// </summary>
    private IEnumerable<UnitRecord> Bearing(Violation violation, IEnumerable<UnitRecord> records)
    {
        if (Rules.Judges.GetValueOrDefault(violation.RequirementId) is not { } judge)
        {
            return [];
        }

        return records
            .Where(r => (r is ExceptionRecord e && e.ActionId == violation.ActionId)
                || (judge.IsRelevant(r)
                    && (!judge.ReadsOnlyItsPeriod || r.Within(violation.PeriodStart, violation.PeriodEnd))
                    && (violation.Target is null || judge.Owns(r, violation.Target, _records.Values))))
            .OrderBy(r => r.Day).ThenBy(r => r.Key, StringComparer.Ordinal);
    }

    private static IEnumerable<PhaseBoundary> Boundaries(IEnumerable<Plans.Resolution.ResolvedPhase> phases, string unit) =>
        phases.SelectMany(p => new[] { new PhaseBoundary(unit, p.Id, true, p.Window.Start), new PhaseBoundary(unit, p.Id, false, p.Window.End) }
            .Concat(Boundaries(p.Links, unit)));

    private static bool SameVerdict(Violation a, Violation b) =>
        a.Code == b.Code && a.Arguments.SequenceEqual(b.Arguments)
        && a.Evidence.Counted.SequenceEqual(b.Evidence.Counted) && a.Evidence.Missing.SequenceEqual(b.Evidence.Missing)
        && a.Evidence.Actual == b.Evidence.Actual && a.Evidence.Required == b.Evidence.Required;
}
