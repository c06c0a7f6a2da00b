using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Rollups;

/// <summary>A body as a roll-up sees it: the units under it, and the unit kinds and phases a filter may name.</summary>
/// <param name="Body">The body's id.</param>
/// <param name="Units">The running units under it (a unit whose id it is included), in the tree's order.</param>
/// <param name="Kinds">The kinds of those units, in order.</param>
/// <param name="Phases">The ids of the phases of their plans' requirements, in order.</param>
/// <param name="PhaseTitles">Each of those phases' title, as the first of the plans naming it writes it.</param>
/// <param name="KindTitles">Each of those kinds' title, as the first of the plans declaring it in <c>unitKinds</c> writes it.</param>
public sealed record BodyScope(string Body, IReadOnlyList<CampaignUnit> Units, IReadOnlyList<string> Kinds, IReadOnlyList<string> Phases,
    IReadOnlyDictionary<string, string> PhaseTitles, IReadOnlyDictionary<string, string> KindTitles)
{
    /// <summary>The title of unit kind <paramref name="kind"/> for a reader (区直单位); the id itself when no plan gives one.</summary>
    /// <param name="kind">A unit kind's id.</param>
    public string KindTitle(string kind) => KindTitles.GetValueOrDefault(kind) ?? kind;

    /// <summary>The title of phase <paramref name="phaseId"/> for a reader; the id itself when no plan gives one.</summary>
    /// <param name="phaseId">A phase's id.</param>
    public string PhaseTitle(string phaseId) => PhaseTitles.GetValueOrDefault(phaseId) ?? phaseId;
}
