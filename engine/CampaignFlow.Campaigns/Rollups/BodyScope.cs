using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Rollups;

/// <summary>A body as a roll-up sees it: the units under it, and the unit kinds and phases a filter may name.</summary>
/// <param name="Body">The body's id.</param>
/// <param name="Units">The running units under it (a unit whose id it is included), in the tree's order.</param>
/// <param name="Kinds">The kinds of those units, in order.</param>
/// <param name="Phases">The phases of their plans' requirements, in order.</param>
public sealed record BodyScope(string Body, IReadOnlyList<CampaignUnit> Units, IReadOnlyList<string> Kinds, IReadOnlyList<string> Phases);
