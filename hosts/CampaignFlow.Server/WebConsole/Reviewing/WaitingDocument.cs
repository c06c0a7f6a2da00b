using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.WebConsole.Submissions;

namespace CampaignFlow.Server.WebConsole.Reviewing;

/// <summary>A document a unit submitted that waits for the supervision group's approval.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Gate">The approval gate it waits at.</param>
/// <param name="DocumentKey">The document record's key (what a review names).</param>
/// <param name="Title">The document kind's title (专题民主生活会方案).</param>
/// <param name="Submitted">The day it was submitted.</param>
/// <param name="Author">Its author's name, when the unit named one.</param>
/// <param name="Chain">Who approves it, in order, by the plan's titles of the roles (督导组…).</param>
public sealed record WaitingDocument(CampaignUnit Unit, GateState Gate, string DocumentKey, string Title, DateOnly Submitted, string? Author, IReadOnlyList<string> Chain)
{
    /// <summary>
    /// For a document each person writes (<c>per: person</c>): who must write one and how many, and who has not
    /// submitted theirs yet, by name; null for a document of the unit's.
    /// </summary>
    public PersonSubmissions? Persons { get; init; }
}
