namespace CampaignFlow.Campaigns.Starting;

/// <summary>
/// How far a start has got: a province's first start takes tens of seconds, and whoever waits for it (a host's
/// health check, an operator) should see it move rather than a silent wait.
/// </summary>
/// <param name="Stage">The stage running.</param>
/// <param name="Done">Units the stage has finished (0 for stages that do not count units).</param>
/// <param name="Total">Units the stage will handle (0 when not known yet).</param>
public sealed record CampaignStartProgress(CampaignStartStage Stage, int Done, int Total);
