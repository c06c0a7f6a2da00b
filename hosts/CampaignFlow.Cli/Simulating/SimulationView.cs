using CampaignFlow.Campaigns.Queries;

namespace CampaignFlow.Cli.Simulating;

/// <summary>
/// What <c>simulate --format json</c> prints: the violations open at the end of a day, each in the API's shape
/// (<see cref="ViolationView"/>: camelCase keys, kinds and statuses as kebab-case words), and how many periods are
/// still pending.
/// </summary>
/// <param name="Plan">The plan simulated.</param>
/// <param name="Unit">The unit it ran for.</param>
/// <param name="At">The day at whose end the simulation stopped.</param>
/// <param name="Violations">The open violations and warnings, by the plan's requirement order.</param>
/// <param name="Pending">Requirement periods not closed by then (pending, not violated).</param>
/// <param name="Resolved">The violations that opened and resolved on the way, each with the records that resolved it and the evidence after them.</param>
internal sealed record SimulationView(string Plan, string Unit, DateOnly At, IReadOnlyList<ViolationView> Violations, int Pending, IReadOnlyList<ResolvedViolationView> Resolved);
