namespace CampaignFlow.Plans.Resolution;

/// <summary>A kind of activity units record, from a plan's vocabulary.</summary>
/// <param name="Title">The Chinese title, e.g. 集中学习.</param>
/// <param name="Attributes">Attributes a record of this kind may carry (includesCriticism, theme, opinions…); empty when none are declared.</param>
public sealed record ActivityKind(string Title, IReadOnlyList<string> Attributes);
