namespace CampaignFlow.Campaigns.Tests;

/// <summary>What <see cref="KilledAfterCommit"/> throws where a SIGKILL would have ended the process.</summary>
internal sealed class HostKilledException() : Exception("the host was killed");
