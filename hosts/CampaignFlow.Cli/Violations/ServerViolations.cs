using System.Globalization;
using System.Text.Json;
using CampaignFlow.Campaigns.Filtering;
using CampaignFlow.Cli.Remote;

namespace CampaignFlow.Cli.Violations;

/// <summary>Violations from a running server: <c>GET /violations</c> with the filters as its query string.</summary>
internal sealed class ServerViolations(CampaignServerClient client) : IViolationSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ViolationPageView> PageAsync(ViolationFilter filter, CancellationToken cancellationToken)
    {
        var text = await client.GetTextAsync("/violations" + filter.ToQueryString(paged: true), "application/json", cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<ViolationPageView>(text, Json) ?? throw new ServerException(ServerFailure.Other, 200, null);
        }
        catch (JsonException e)
        {
            // Something answered at that address, but not a CampaignFlow server (a proxy's page, another service).
            throw new ServerException(ServerFailure.Other, 200, null, e);
        }
    }

    public Task WriteCsvAsync(ViolationFilter filter, bool limited, TextWriter output, CancellationToken cancellationToken)
    {
        // The server's export pages as its JSON does, but takes a limit only when one is written: the filter's default
        // of 100 is not sent, so an export without --limit runs to the last match.
        var query = filter.ToQueryString(paged: false);
        var paging = $"offset={filter.Offset.ToString(CultureInfo.InvariantCulture)}"
            + (limited ? $"&limit={filter.Limit.ToString(CultureInfo.InvariantCulture)}" : "");
        return client.CopyTextAsync($"/violations{query}{(query.Length == 0 ? '?' : '&')}{paging}&format=csv", "text/csv", output, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
