using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Organisation;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>A supervision group: who it is and the units it covers.</summary>
/// <param name="Id">The group's id (reviewer tokens name it).</param>
/// <param name="Name">Its name.</param>
/// <param name="Leader">Who leads it.</param>
/// <param name="Members">Its other members.</param>
/// <param name="Units">The running units it covers.</param>
public sealed record GroupView(string Id, string Name, string Leader, IReadOnlyList<string> Members, IReadOnlyList<CampaignUnit> Units)
{
    /// <summary>The view of <paramref name="group"/>, its units as they run.</summary>
    /// <param name="group">The group.</param>
    /// <param name="service">The running campaigns.</param>
    public static GroupView Of(SupervisionGroup group, CampaignService service) =>
        new(group.Id, group.Name, group.Leader, group.Members, [.. group.Units.Select(service.FindUnit).OfType<CampaignUnit>()]);
}
