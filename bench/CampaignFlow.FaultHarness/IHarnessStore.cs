namespace CampaignFlow.FaultHarness;

/// <summary>The kind of store the hosts run on: hands out one empty database per side of the comparison.</summary>
internal interface IHarnessStore : IAsyncDisposable
{
    /// <summary>A new, empty database for the side named <paramref name="side"/> (<c>killed</c> or <c>fresh</c>).</summary>
    Task<HarnessDatabase> CreateAsync(string side);
}
