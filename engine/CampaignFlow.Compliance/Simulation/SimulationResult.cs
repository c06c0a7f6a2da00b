using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Simulation;

/// <summary>What a plan's rules found in an activity log at a moment.</summary>
/// <param name="At">The moment simulated.</param>
/// <param name="Violations">Violations and warnings open at that moment, by requirement order of the plan (then period, target and id).</param>
/// <param name="Pending">Requirement periods not closed yet (pending, not violated).</param>
/// <param name="History">Every opening, change and resolution on the way.</param>
public sealed record SimulationResult(
    DateTimeOffset At,
    IReadOnlyList<Violation> Violations,
    IReadOnlyList<Due> Pending,
    IReadOnlyList<ViolationChange> History);
