namespace CampaignFlow.Campaigns.Migrating;

/// <summary>A violation a migration opens or resolves, named by what it is about rather than by the version it belongs to.</summary>
/// <param name="RequirementId">The requirement.</param>
/// <param name="Period">The period judged (<c>2014-W10</c>).</param>
/// <param name="Target">The person or document it is about, or null.</param>
/// <param name="MessageZh">The violation's message in Chinese (the version that holds it says it).</param>
/// <param name="MessageEn">The violation's message in English.</param>
public sealed record MigrationViolation(string RequirementId, string Period, string? Target, string MessageZh, string MessageEn)
{
    /// <summary>The violation's id without its plan version (<c>unit/plan@2/req/2014-W10</c> → <c>req/2014-W10</c>): equal across versions.</summary>
    public required string Key { get; init; }
}
