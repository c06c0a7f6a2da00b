namespace CampaignFlow.Server.Api.Health;

/// <summary>How far the campaigns' start got, in <see cref="HealthView"/> while the server starts.</summary>
/// <param name="Stage">loading-plans, starting-units, checking-watermarks or started.</param>
/// <param name="UnitsDone">Units the stage has finished.</param>
/// <param name="UnitsTotal">Units the stage will handle (0 while not known).</param>
public sealed record HealthStart(string Stage, int UnitsDone, int UnitsTotal);
