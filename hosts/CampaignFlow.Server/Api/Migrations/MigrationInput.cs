namespace CampaignFlow.Server.Api.Migrations;

/// <summary>The body of <c>POST /plans/{id}/migrations</c>.</summary>
/// <param name="ToVersion">A published version of the plan.</param>
/// <param name="Units">The units to move; absent or empty for every unit running the plan.</param>
/// <param name="DryRun">True to only see what would change (nothing is written).</param>
/// <param name="AcceptLostProgress">True to move units whose progress would be lost.</param>
public sealed record MigrationInput(int ToVersion, IReadOnlyList<string>? Units = null, bool DryRun = false, bool AcceptLostProgress = false);
