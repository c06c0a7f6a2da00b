using System.Globalization;
using CampaignFlow.Campaigns.Filtering;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Cli.Violations;

/// <summary>
/// Violations read from a server's data folder (its <c>campaignflow.db</c>, opened read-only, the server running or
/// not), in the API's shapes: the same page, the same CSV, the same words. The filter's unit and body come resolved
/// from the definitions folder (<see cref="DefinedUnits.Scope"/>), since the store knows each violation's unit but not
/// what stands above it.
/// </summary>
/// <param name="stores">The stores, opened read-only.</param>
/// <param name="units">The units the filter's <c>--unit</c> and <c>--body</c> mean, or null for every unit.</param>
/// <param name="culture">The language of each violation's message.</param>
internal sealed class DataFolderViolations(CampaignStores stores, IReadOnlyCollection<string>? units, CultureInfo culture) : IViolationSource
{
    public async Task<ViolationPageView> PageAsync(ViolationFilter filter, CancellationToken cancellationToken)
    {
        var page = units is { Count: 0 }
            ? new ViolationPage([], 0)
            : await stores.Violations.QueryAsync(filter.ToQuery(units), cancellationToken).ConfigureAwait(false);
        return new ViolationPageView(page.Total, filter.Offset, filter.Limit, [.. page.Items.Select(v => ViolationView.Of(v, culture))]);
    }

    public async Task WriteCsvAsync(ViolationFilter filter, bool limited, TextWriter output, CancellationToken cancellationToken)
    {
        using var csv = new ViolationCsvWriter(output, culture);
        csv.WriteHeader();
        if (units is not { Count: 0 })
        {
            // Paged as the server's export: the offset's rows read and passed by, a written limit's taken.
            var rows = stores.Violations.StreamAsync(filter.ToQuery(units), cancellationToken).Skip(filter.Offset);
            if (limited)
            {
                rows = rows.Take(filter.Limit);
            }

            await foreach (var v in rows.ConfigureAwait(false))
            {
                csv.Write(v);
            }
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => stores.DisposeAsync();
}
