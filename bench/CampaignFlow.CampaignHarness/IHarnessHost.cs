namespace CampaignFlow.CampaignHarness;

/// <summary>A server the campaign runs on, in the harness's process or in one of its own, moved by the harness's clock.</summary>
internal interface IHarnessHost : IAsyncDisposable
{
    /// <summary>Where it listens.</summary>
    Uri Address { get; }

    /// <summary>Moves the host's clock to <paramref name="instant"/> (hosts sharing a clock move it alike) and waits for a whole tick after the move.</summary>
    Task MoveAndTickAsync(DateTimeOffset instant, CancellationToken ct);
}
