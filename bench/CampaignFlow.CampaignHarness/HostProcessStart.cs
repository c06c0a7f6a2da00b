namespace CampaignFlow.CampaignHarness;

/// <summary>What a host in a process of its own is started with: the first line its harness writes to it, as JSON.</summary>
/// <param name="Definitions">The run's definitions folder.</param>
/// <param name="Data">The host's own data folder (its tokens).</param>
/// <param name="Settings">The store's settings, as the first host has them.</param>
/// <param name="Token">The run's admin token.</param>
/// <param name="At">The campaign clock's time when the host starts.</param>
/// <param name="HostId">The host's name in the partition leases.</param>
internal sealed record HostProcessStart(string Definitions, string Data, Dictionary<string, string?> Settings, string Token, DateTimeOffset At, string HostId);
