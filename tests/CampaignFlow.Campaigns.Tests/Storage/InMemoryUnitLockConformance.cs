using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;

namespace CampaignFlow.Campaigns.Tests.Storage;

/// <summary>The unit lock contract, on <see cref="InMemoryUnitLocks"/>: two services sharing one set of stores share one instance.</summary>
public sealed class InMemoryUnitLockConformance : UnitLockConformance
{
    protected override (IUnitLocks First, IUnitLocks Second) CreateHosts()
    {
        var locks = new InMemoryUnitLocks();
        return (locks, locks);
    }
}
