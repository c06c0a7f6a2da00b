namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// A published version of a plan: the texts it was resolved from, so it can be resolved again exactly as it was,
/// and a hash of them. A published (plan, version) never changes; a changed plan needs a new <c>version:</c>.
/// </summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Version">The plan's <c>version:</c>.</param>
/// <param name="Unit">The unit the plan is for.</param>
/// <param name="Hash">Lower-case hex SHA-256 of the files, see <see cref="PlanVersionHash"/>.</param>
/// <param name="Files">The plan's file first, then the files it needs (roster, parents).</param>
/// <param name="PublishedAt">When it was first published.</param>
public sealed record PlanVersion(string PlanId, int Version, string Unit, string Hash, IReadOnlyList<PlanSourceFile> Files, DateTimeOffset PublishedAt);
