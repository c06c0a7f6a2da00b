using CampaignFlow.Campaigns.Filtering;
namespace CampaignFlow.Cli.Violations;

/// <summary>Where <c>campaignflow violations</c> reads: a running server's API, or a data folder's store directly.</summary>
internal interface IViolationSource : IAsyncDisposable
{
    /// <summary>One page of the violations <paramref name="filter"/> matches, as the API answers it.</summary>
    Task<ViolationPageView> PageAsync(ViolationFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// The violations <paramref name="filter"/> matches as the API's CSV (header, CRLF rows), without the byte-order
    /// mark, written to <paramref name="output"/> as it is read; paged as the API's CSV export is: the filter's offset
    /// skips as many, and only a limit the command line wrote takes as many (without one, to the last match).
    /// </summary>
    /// <param name="filter">The filters, offset and limit.</param>
    /// <param name="limited">Whether the command line wrote <c>--limit</c>; the filter's default limit pages only JSON.</param>
    /// <param name="output">Where the CSV goes.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    Task WriteCsvAsync(ViolationFilter filter, bool limited, TextWriter output, CancellationToken cancellationToken);
}
