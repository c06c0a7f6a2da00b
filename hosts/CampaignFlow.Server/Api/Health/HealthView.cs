namespace CampaignFlow.Server.Api.Health;

/// <summary>What <c>/health</c> checked.</summary>
/// <param name="Status">ok, unhealthy, starting, stopping, or failed (the campaigns could not start; the server stops).</param>
/// <param name="Store">sqlite or postgres.</param>
/// <param name="StoreReachable">True when the store answered.</param>
/// <param name="UnitsRunning">Units whose campaigns run.</param>
/// <param name="PlanProblems">Plans refused or with errors (see the log for file:line:column).</param>
/// <param name="Now">The campaigns' clock.</param>
/// <param name="Problem">What the store said when it failed, or why the start failed.</param>
/// <param name="Start">While starting: the stage and how many units it has done; null once started.</param>
/// <param name="Partitions">Once started: the partitions of the units this host works and how many hosts are alive.</param>
public sealed record HealthView(string Status, string Store, bool StoreReachable, int UnitsRunning, int PlanProblems, DateTimeOffset Now, string? Problem, HealthStart? Start = null, HealthPartitions? Partitions = null);
