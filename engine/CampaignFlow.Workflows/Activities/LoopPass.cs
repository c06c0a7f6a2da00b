namespace CampaignFlow.Workflows.Activities;

/// <summary>What a <see cref="Loop"/> condition sees after a pass of its body.</summary>
/// <param name="Iteration">The pass that just finished (1 for the first).</param>
/// <param name="BodyOutcome">The body's outcome.</param>
/// <param name="Variables">The instance variables.</param>
public readonly record struct LoopPass(int Iteration, string? BodyOutcome, IReadOnlyDictionary<string, string> Variables);
