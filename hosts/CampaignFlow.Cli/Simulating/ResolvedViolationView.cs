using System.Text.Json;
using CampaignFlow.Campaigns.Queries;

namespace CampaignFlow.Cli.Simulating;

/// <summary>
/// A violation a simulation saw resolve, as <c>simulate --format json</c> prints it: the violation as it last stood (the
/// API's shape, status resolved), when it resolved, the records that resolved it and the evidence after them, in the
/// shape of the <c>details.evidence</c> of a resolved step of <c>GET /violations/{id}</c>.
/// </summary>
/// <param name="Violation">The violation as it last stood.</param>
/// <param name="ResolvedAt">When it resolved, by the unit's clock.</param>
/// <param name="Records">The keys of the records that resolved it.</param>
/// <param name="Evidence">What the records show after them: the records that count, the figure found and the one required.</param>
internal sealed record ResolvedViolationView(ViolationView Violation, DateTimeOffset ResolvedAt, IReadOnlyList<string> Records, JsonElement Evidence);
