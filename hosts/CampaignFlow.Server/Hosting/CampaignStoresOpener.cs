using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Sqlite.Campaigns;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// Opens the store the options name: the SQLite file <c>campaignflow.db</c> in the data folder (created and
/// migrated on first start, the folder and the files its owner's only), or the PostgreSQL database of the connection string. Virtual so tests can put a
/// failing store behind a real server.
/// </summary>
/// <param name="options">The server's options.</param>
/// <param name="configuration">For the connection string.</param>
public class CampaignStoresOpener(IOptions<ServerOptions> options, IConfiguration configuration)
{
    /// <summary>The SQLite file's name inside the data folder.</summary>
    public const string SqliteFileName = "campaignflow.db";

    /// <summary>Opens the store.</summary>
    /// <param name="cancellationToken">Stops opening.</param>
    /// <exception cref="ServerStartException">When the store cannot be opened; the message says why in one line.</exception>
    public virtual async Task<CampaignStores> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            if (settings.StoreKind == StoreKind.Postgres)
            {
                return await PostgresCampaignStores.OpenAsync(configuration.GetConnectionString(ServerOptions.ConnectionStringName)!, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            DataFolder.Create(settings.DataPath);
            return SqliteCampaignStores.Open(Path.Combine(settings.DataPath, SqliteFileName));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var where = settings.StoreKind == StoreKind.Postgres ? "the PostgreSQL database" : Path.Combine(settings.DataPath, SqliteFileName);
            throw new ServerStartException($"cannot open {where}: {e.Message}", e);
        }
    }
}
