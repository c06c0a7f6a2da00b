namespace CampaignFlow.Rules.Diagnostics;

/// <summary>One value of a match: a matched fact or an aggregate result, under the name of its declaration.</summary>
/// <param name="Name">The declaration's name.</param>
/// <param name="Value">The fact or aggregate result bound to it.</param>
public sealed record BoundFact(string Name, object Value);
