namespace CampaignFlow.Server.Hosting;

/// <summary>
/// A clock that stands still until it is moved: the demo moves it a campaign day at a time, tests move it to the
/// day they want. Every move raises <see cref="Moved"/>, so the host ticks at once instead of at its next wake-up.
/// </summary>
/// <param name="start">The first instant.</param>
/// <threadsafety>All members are safe to call from any thread.</threadsafety>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    /// <summary>Raised after every move, with the new time.</summary>
    public event Action<DateTimeOffset>? Moved;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Sets the clock to <paramref name="instant"/>; a clock never goes back, so an earlier instant is refused.</summary>
    /// <param name="instant">The new time.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="instant"/> is before the clock's time.</exception>
    public void MoveTo(DateTimeOffset instant)
    {
        var now = GetUtcNow();
        if (instant < now)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"the clock is at {now:O} and does not go back");
        }

        Interlocked.Exchange(ref _utcTicks, instant.UtcTicks);
        Moved?.Invoke(instant);
    }

    /// <summary>Moves the clock forward by <paramref name="span"/>.</summary>
    /// <param name="span">How far; not negative.</param>
    public void Advance(TimeSpan span) => MoveTo(GetUtcNow() + span);
}
