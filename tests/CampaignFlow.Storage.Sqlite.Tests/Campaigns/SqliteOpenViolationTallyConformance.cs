using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>The violation store's tallies for roll-ups, on <see cref="SqliteViolationStore"/>: every test on a fresh database file.</summary>
public sealed class SqliteOpenViolationTallyConformance : OpenViolationTallyConformance, IDisposable
{
    private readonly CampaignDatabases _databases = new();

    protected override IViolationStore CreateStore() => _databases.OpenNew().Violations;

    public void Dispose() => _databases.Dispose();
}
