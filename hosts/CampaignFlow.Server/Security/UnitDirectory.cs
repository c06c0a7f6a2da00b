using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Hosting;

namespace CampaignFlow.Server.Security;

/// <summary>
/// The running units with their place in the hierarchy, for the host's services: the campaign service's
/// <see cref="OrganisationTree"/>, reached once the service has started.
/// </summary>
/// <param name="running">The started campaign service.</param>
public sealed class UnitDirectory(RunningCampaigns running)
{
    private OrganisationTree Tree => running.Service.Organisation;

    /// <summary>Every running unit.</summary>
    public IReadOnlyList<CampaignUnit> All => Tree.All;

    /// <summary>The unit, or null when no campaign runs for it.</summary>
    /// <param name="unitId">The unit's id.</param>
    public CampaignUnit? Find(string unitId) => Tree.Find(unitId);

    /// <summary>The name of a body or unit as a reader should see it: its name, or its id when nothing names it.</summary>
    /// <param name="body">A body's or unit's id.</param>
    public string NameOf(string body) => Tree.NameOf(body) ?? body;

    /// <summary>The bodies above <paramref name="unit"/>, nearest first.</summary>
    /// <param name="unit">The unit.</param>
    public IEnumerable<string> BodiesAbove(CampaignUnit unit) => Tree.BodiesAbove(unit);

    /// <summary>True when <paramref name="body"/> is the unit itself or a body above it.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="body">A body's id.</param>
    public bool IsUnder(CampaignUnit unit, string body) => Tree.IsUnder(unit, body);

    /// <summary>The units under <paramref name="body"/> (including a unit whose id it is).</summary>
    /// <param name="body">A body's id.</param>
    public IReadOnlyList<CampaignUnit> Under(string body) => Tree.Under(body);

    /// <summary>The running units built on a plan: the one that runs it, or every unit whose plan inherits a template.</summary>
    /// <param name="planId">A plan id.</param>
    public IReadOnlyList<CampaignUnit> BuiltOn(string planId) => running.Service.UnitsBuiltOn(planId);
}
