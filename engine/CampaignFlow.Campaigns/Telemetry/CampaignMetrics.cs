using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CampaignFlow.Campaigns.Telemetry;

/// <summary>
/// What the campaign service counts and times, as an operator watches it: records taken in, violations opened and
/// resolved, timers fired, rule sessions rebuilt, and how long recordings, ticks and store writes take. Published on
/// the meter <see cref="MeterName"/> and, for traces, the activity source <see cref="ActivitySourceName"/>; a host
/// exports them (the server: OpenTelemetry, <c>/metrics</c>).
/// </summary>
/// <remarks>
/// Instruments are created from the host's <see cref="IMeterFactory"/> when it gives one, so two services in one
/// process (tests, a bench) keep their figures apart; names follow OpenTelemetry's conventions (dotted, lower case,
/// units in UCUM).
/// </remarks>
public sealed class CampaignMetrics : IDisposable
{
    /// <summary>The name of the meter every instrument is on.</summary>
    public const string MeterName = "CampaignFlow.Campaigns";

    /// <summary>The name of the activity source of the service's traces (recordings, ticks, the start).</summary>
    public const string ActivitySourceName = "CampaignFlow.Campaigns";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    // Durations are in seconds: exporters' default buckets (0, 5, 10, 25 … 10,000) are for milliseconds and would put
    // every recording in the first one.
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _recordsStored;
    private readonly Counter<long> _recordings;
    private readonly Histogram<double> _recordingDuration;
    private readonly Counter<long> _violationsOpened;
    private readonly Counter<long> _violationsResolved;
    private readonly Counter<long> _timersFired;
    private readonly Histogram<double> _tickDuration;
    private readonly Counter<long> _sessionRebuilds;
    private readonly Counter<long> _tickFailures;
    private readonly Histogram<double> _storeDuration;
    private int _observed;
    private int _disposed;

    /// <summary>Creates the instruments on a meter of <paramref name="factory"/>, or on a meter of its own when there is none.</summary>
    /// <param name="factory">The host's meter factory, or null.</param>
    public CampaignMetrics(IMeterFactory? factory = null)
    {
        _ownsMeter = factory is null;
        _meter = factory?.Create(new MeterOptions(MeterName)) ?? new Meter(MeterName);
        _recordsStored = _meter.CreateCounter<long>("campaignflow.records.stored", "{record}",
            "Records appended to the store, by outcome: inserted (new), duplicate (the same record again), conflict (a key stored before with other content).");
        _recordings = _meter.CreateCounter<long>("campaignflow.recordings", "{recording}",
            "Calls that record what a unit did, by result: stored, invalid, refused, conflict, error.");
        _recordingDuration = _meter.CreateHistogram<double>("campaignflow.recording.duration", "s",
            "How long one recording takes, from reading the text to the unit's watermark moved.", advice: Seconds);
        _violationsOpened = _meter.CreateCounter<long>("campaignflow.violations.opened", "{violation}", "Violations opened (or reopened).");
        _violationsResolved = _meter.CreateCounter<long>("campaignflow.violations.resolved", "{violation}", "Violations resolved.");
        _timersFired = _meter.CreateCounter<long>("campaignflow.timers.fired", "{timer}", "Workflow timers fired (period boundaries, deadlines).");
        _tickDuration = _meter.CreateHistogram<double>("campaignflow.tick.duration", "s", "How long one pass of the host's loop takes (timers, inbox, bodies, reconciling).", advice: Seconds);
        _tickFailures = _meter.CreateCounter<long>("campaignflow.tick.failures", "{tick}", "Passes of the host's loop that failed part-way; the next pass retries what is still due.");
        _sessionRebuilds = _meter.CreateCounter<long>("campaignflow.sessions.rebuilt", "{session}",
            "Rule sessions rebuilt from the stored records (after eviction, a restart, another host's records or a failure).");
        _storeDuration = _meter.CreateHistogram<double>("campaignflow.store.duration", "s",
            "How long the store takes to append records or apply violation changes, by operation.", advice: Seconds);
    }

    /// <summary>Publishes how many units run and how many rule sessions are in memory, read when the meter is collected.</summary>
    /// <param name="unitsRunning">The number of running units.</param>
    /// <param name="sessionsInMemory">The number of rule sessions in memory.</param>
    /// <exception cref="InvalidOperationException">Called a second time.</exception>
    public void Observe(Func<int> unitsRunning, Func<int> sessionsInMemory)
    {
        if (Interlocked.Exchange(ref _observed, 1) == 1)
        {
            throw new InvalidOperationException("the gauges of a service are published once");
        }

        // A host's factory keeps its meters (and so these gauges) after the service is disposed, and a scrape may
        // still come: a disposed service reports nothing rather than reading rooms that are gone.
        _meter.CreateObservableGauge("campaignflow.units.running", () => Measure(unitsRunning), "{unit}", "Units whose campaign runs on this host.");
        _meter.CreateObservableGauge("campaignflow.sessions.in_memory", () => Measure(sessionsInMemory), "{session}",
            "Rule sessions held in memory; the others are rebuilt from the store when their unit is next used.");
    }

    /// <summary>Counts the outcomes of one append.</summary>
    /// <param name="stored">Records new to the store.</param>
    /// <param name="duplicates">Records stored before with the same content.</param>
    /// <param name="conflicts">Keys stored before with other content.</param>
    public void RecordsAppended(int stored, int duplicates, int conflicts)
    {
        Add(_recordsStored, stored, "inserted");
        Add(_recordsStored, duplicates, "duplicate");
        Add(_recordsStored, conflicts, "conflict");
    }

    /// <summary>Counts one recording and how long it took.</summary>
    /// <param name="result"><c>stored</c>, <c>invalid</c>, <c>refused</c>, <c>conflict</c> or <c>error</c> (it failed: the store, the rules).</param>
    /// <param name="elapsed">Its duration.</param>
    public void Recorded(string result, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("result", result);
        _recordings.Add(1, tag);
        _recordingDuration.Record(elapsed.TotalSeconds, tag);
    }

    /// <summary>Counts violations the store opened and resolved.</summary>
    /// <param name="opened">Opened or reopened.</param>
    /// <param name="resolved">Resolved.</param>
    public void ViolationsChanged(int opened, int resolved)
    {
        if (opened > 0)
        {
            _violationsOpened.Add(opened);
        }

        if (resolved > 0)
        {
            _violationsResolved.Add(resolved);
        }
    }

    /// <summary>Counts one pass of the loop and the timers it fired.</summary>
    /// <param name="timersFired">Timers fired in the pass.</param>
    /// <param name="elapsed">Its duration.</param>
    /// <param name="failed">True when the pass failed part-way (the next one retries).</param>
    public void Ticked(int timersFired, TimeSpan elapsed, bool failed = false)
    {
        if (failed)
        {
            _tickFailures.Add(1);
        }

        if (timersFired > 0)
        {
            _timersFired.Add(timersFired);
        }

        _tickDuration.Record(elapsed.TotalSeconds);
    }

    /// <summary>Counts one session rebuilt from the store.</summary>
    public void SessionRebuilt() => _sessionRebuilds.Add(1);

    /// <summary>Times one store operation.</summary>
    /// <param name="operation"><c>records.append</c> or <c>violations.apply</c>.</param>
    /// <param name="elapsed">Its duration.</param>
    public void StoreCalled(string operation, TimeSpan elapsed) =>
        _storeDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>Starts a span of the service's work when anyone listens (null otherwise).</summary>
    /// <param name="name">The span's name, e.g. <c>campaignflow.record</c>.</param>
    /// <param name="unitId">The unit it is about, or null.</param>
    public static Activity? StartActivity(string name, string? unitId = null)
    {
        var activity = Source.StartActivity(name);
        if (activity is not null && unitId is not null)
        {
            activity.SetTag("campaignflow.unit", unitId);
        }

        return activity;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        // A factory's meters are the factory's to dispose.
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private IEnumerable<Measurement<int>> Measure(Func<int> read) =>
        Volatile.Read(ref _disposed) == 1 ? [] : [new Measurement<int>(read())];

    private static void Add(Counter<long> counter, int count, string outcome)
    {
        if (count > 0)
        {
            counter.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
