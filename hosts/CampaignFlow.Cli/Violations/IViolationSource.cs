using CampaignFlow.Campaigns.Filtering;
namespace CampaignFlow.Cli.Violations;

/// <summary>Where <c>campaignflow violations</c> reads: a running server's API, or a data folder's store directly.</summary>
internal interface IViolationSource : IAsyncDisposable
{
    /// <summary>One page of the violations <paramref name="filter"/> matches, as the API answers it.</summary>
    Task<ViolationPageView> PageAsync(ViolationFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Every violation <paramref name="filter"/> matches as the API's CSV (header, CRLF rows), without the byte-order
    /// mark, written to <paramref name="output"/> as it is read.
    /// </summary>
    Task WriteCsvAsync(ViolationFilter filter, TextWriter output, CancellationToken cancellationToken);
}
