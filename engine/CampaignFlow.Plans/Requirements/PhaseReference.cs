namespace CampaignFlow.Plans.Requirements;

/// <summary>What a phase placed by order follows: an action, or a phase (whose first record of any action marks its start).</summary>
/// <param name="Id">The action's or phase's id, as the plan writes it.</param>
/// <param name="Title">Its title, for messages.</param>
/// <param name="Actions">The actions whose first record marks it: the action itself, or every action of the phase and its links.</param>
public sealed record PhaseReference(string Id, string Title, IReadOnlyList<string> Actions);
