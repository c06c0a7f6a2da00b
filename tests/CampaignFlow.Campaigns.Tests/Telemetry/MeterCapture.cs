using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CampaignFlow.Campaigns.Tests.Telemetry;

/// <summary>
/// A meter factory for one service whose measurements are summed by instrument and tag: other services in the
/// process (tests run in parallel) publish on meters of the same name, which this one does not hear.
/// </summary>
internal sealed class MeterCapture : IMeterFactory
{
    private readonly ConcurrentBag<Meter> _meters = [];
    private readonly ConcurrentDictionary<string, double> _sums = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public MeterCapture()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.Contains(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        // Instruments created after Start are published to the listener as they are made.
        return meter;
    }

    /// <summary>The sum of an instrument's measurements with <paramref name="tag"/> (<c>key=value</c>), or all of them.</summary>
    public double Sum(string instrument, string? tag = null) => _sums.GetValueOrDefault(Key(instrument, tag));

    /// <summary>How many measurements an instrument took with <paramref name="tag"/>, or at all.</summary>
    public int Count(string instrument, string? tag = null) => _counts.GetValueOrDefault(Key(instrument, tag));

    /// <summary>Reads the observable instruments now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Bump(Key(instrument.Name, null), value);
        foreach (var tag in tags)
        {
            Bump(Key(instrument.Name, $"{tag.Key}={tag.Value}"), value);
        }
    }

    private void Bump(string key, double value)
    {
        _sums.AddOrUpdate(key, value, (_, sum) => sum + value);
        _counts.AddOrUpdate(key, 1, (_, count) => count + 1);
    }

    private static string Key(string instrument, string? tag) => tag is null ? instrument : $"{instrument}|{tag}";
}
