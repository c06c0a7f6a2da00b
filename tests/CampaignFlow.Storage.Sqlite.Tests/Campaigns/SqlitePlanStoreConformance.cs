using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>The written-once plan store contract, on <see cref="SqlitePlanStore"/>: every test on a fresh database file.</summary>
public sealed class SqlitePlanStoreConformance : PlanStoreConformance, IDisposable
{
    private readonly CampaignDatabases _databases = new();

    protected override IPlanStore CreateStore() => _databases.OpenNew().Plans;

    public void Dispose() => _databases.Dispose();
}
