namespace CampaignFlow.Workflows.Activities;

/// <summary>The timer activity: completes at an instant, or a duration after it starts.</summary>
/// <remarks>Named Delay so it never clashes with <see cref="System.Threading.Timer"/> in user code.</remarks>
public sealed class Delay : Activity
{
    private Delay(string id, DateTimeOffset? at, TimeSpan? duration) : base(id)
    {
        At = at;
        Duration = duration;
    }

    /// <summary>The fixed instant, if any.</summary>
    public DateTimeOffset? At { get; }

    /// <summary>The duration from the start, if any.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>A timer that fires at <paramref name="at"/>.</summary>
    public static Delay Until(string id, DateTimeOffset at) => new(id, at, null);

    /// <summary>A timer that fires <paramref name="duration"/> after the activity starts.</summary>
    public static Delay For(string id, TimeSpan duration) =>
        duration >= TimeSpan.Zero ? new(id, null, duration) : throw new ArgumentOutOfRangeException(nameof(duration), duration, $"Delay '{id}' has a negative duration.");

    /// <inheritdoc />
    protected override void OnStart(ActivityContext context) =>
        context.ScheduleTimer(At ?? context.Now + Duration!.Value);
}
