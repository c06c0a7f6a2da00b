using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Hosting;

namespace CampaignFlow.Server.Security;

/// <summary>
/// The running units with their place in the hierarchy: a unit is under a body when the body is its parent, or
/// its parent's parent through the plans of the units in between (西关街道 → 魏都区委 → 许昌市).
/// </summary>
/// <param name="running">The started campaign service.</param>
public sealed class UnitDirectory(RunningCampaigns running)
{
    /// <summary>Every running unit.</summary>
    public IReadOnlyList<CampaignUnit> All => running.Service.Units;

    /// <summary>The unit, or null when no campaign runs for it.</summary>
    /// <param name="unitId">The unit's id.</param>
    public CampaignUnit? Find(string unitId) => running.Service.FindUnit(unitId);

    /// <summary>The bodies above <paramref name="unit"/>, nearest first.</summary>
    /// <param name="unit">The unit.</param>
    public IEnumerable<string> BodiesAbove(CampaignUnit unit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
        for (var body = unit.Body; body is not null && seen.Add(body); body = Find(body)?.Body)
        {
            yield return body;
        }
    }

    /// <summary>True when <paramref name="body"/> is the unit itself or a body above it.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="body">A body's id.</param>
    public bool IsUnder(CampaignUnit unit, string body) => unit.Id == body || BodiesAbove(unit).Contains(body, StringComparer.Ordinal);

    /// <summary>The units under <paramref name="body"/> (including a unit whose id it is).</summary>
    /// <param name="body">A body's id.</param>
    public IReadOnlyList<CampaignUnit> Under(string body) => All.Where(u => IsUnder(u, body)).ToArray();
}
