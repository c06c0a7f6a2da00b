namespace CampaignFlow.Plans.Organisation;

/// <summary>A supervision group (督导组): who it is and the units it covers, resolved against the organisation files.</summary>
/// <param name="Id">The group's id, which reviewer tokens name.</param>
/// <param name="Name">The group's name, e.g. 区委第一督导组.</param>
/// <param name="Leader">Who leads it.</param>
/// <param name="Members">Its other members.</param>
/// <param name="Units">The ids of the units it covers, in the order of the organisation files.</param>
public sealed record SupervisionGroup(string Id, string Name, string Leader, IReadOnlyList<string> Members, IReadOnlyList<string> Units);
