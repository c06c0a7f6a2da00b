using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>The plan draft store contract, on <see cref="SqlitePlanDraftStore"/>: every test on a fresh database file.</summary>
public sealed class SqlitePlanDraftStoreConformance : PlanDraftStoreConformance, IDisposable
{
    private readonly CampaignDatabases _databases = new();

    protected override IPlanDraftStore CreateStore() => _databases.OpenNew().Drafts;

    public void Dispose() => _databases.Dispose();
}
