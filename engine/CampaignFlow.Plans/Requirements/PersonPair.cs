namespace CampaignFlow.Plans.Requirements;

/// <summary>Two people of the roster who must share a record (a talk between them).</summary>
/// <param name="First">One person's roster id.</param>
/// <param name="Second">The other's.</param>
public sealed record PersonPair(string First, string Second)
{
    /// <inheritdoc />
    public override string ToString() => $"{First}–{Second}";
}
