namespace CampaignFlow.Cli.Reporting;

/// <summary>A clock that stands still at one instant: the report looks at the campaigns as they are at the end of its day.</summary>
/// <param name="now">The instant.</param>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
