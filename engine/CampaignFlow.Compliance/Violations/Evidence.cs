namespace CampaignFlow.Compliance.Violations;

/// <summary>What a verdict rests on: the records that counted, what is missing, and the numbers compared.</summary>
/// <param name="Counted">Keys of the records that counted towards the requirement.</param>
/// <param name="Missing">What is missing, each as plain text (a pair without a talk, a reviewer who has not approved).</param>
/// <param name="Actual">What was found (2.5 h, 3 talks), or null.</param>
/// <param name="Required">What the plan requires (4 h, 4 talks), or null.</param>
public sealed record Evidence(IReadOnlyList<string> Counted, IReadOnlyList<string> Missing, string? Actual, string? Required)
{
    /// <summary>No evidence beyond the requirement itself.</summary>
    public static Evidence None { get; } = new([], [], null, null);
}
