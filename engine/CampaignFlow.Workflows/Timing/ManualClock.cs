namespace CampaignFlow.Workflows.Timing;

/// <summary>
/// A <see cref="TimeProvider"/> that only moves when told, for tests and for simulating months of a
/// workflow in moments. Pair it with <c>WorkflowRuntime.RunDueTimersAsync</c> after each move.
/// </summary>
/// <threadsafety>Safe for concurrent reads and moves.</threadsafety>
/// <param name="start">The initial time.</param>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative step.</exception>
    public void Advance(TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, TimeSpan.Zero);
        Interlocked.Add(ref _utcTicks, step.Ticks);
    }

    /// <summary>Sets the clock to <paramref name="time"/>, which must not be earlier than now.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A move backwards.</exception>
    public void SetTo(DateTimeOffset time)
    {
        var current = GetUtcNow();
        if (time < current)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, $"The clock is at {current:O} and does not go back.");
        }

        Interlocked.Exchange(ref _utcTicks, time.UtcTicks);
    }
}
