using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Resolution;

/// <summary>A phase with its window in dates, and its links.</summary>
/// <param name="Id">The phase id.</param>
/// <param name="Title">The title.</param>
/// <param name="Window">The days it runs, both ends included.</param>
/// <param name="Source">Ids of the sentences it encodes.</param>
/// <param name="Overlaps">True when it may overlap its neighbours.</param>
/// <param name="Links">Its sub-phases.</param>
/// <param name="Location">Where it is written.</param>
public sealed record ResolvedPhase(
    string Id,
    string Title,
    DateWindow Window,
    IReadOnlyList<string> Source,
    bool Overlaps,
    IReadOnlyList<ResolvedPhase> Links,
    SourceLocation Location)
{
    /// <summary>What the phase follows by its own <c>after:</c> (actions or phases, as written); empty when it says none.</summary>
    public IReadOnlyList<string> After { get; init; } = [];

    /// <summary>True when its links follow one another as written (<c>inOrder: true</c>).</summary>
    public bool InOrder { get; init; }

    /// <summary>The phase, then each of its links with theirs, in plan order.</summary>
    public IEnumerable<ResolvedPhase> WithLinks() => Links.SelectMany(l => l.WithLinks()).Prepend(this);
}
