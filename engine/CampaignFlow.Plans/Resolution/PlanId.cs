using System.Text.RegularExpressions;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// What a plan's id may be. The id names the plan in addresses (<c>/plans/{id}</c>), in file names the CLI builds and
/// inside every violation's id (<c>unit/plan@version/…</c>), so a slash, an <c>@</c>, a space or <c>..</c> in it would
/// make those ambiguous or point outside their folder.
/// </summary>
public static partial class PlanId
{
    /// <summary>Whether <paramref name="id"/> is a usable plan id: letters, digits, '-', '_' and '.', beginning with a letter or digit, no "..".</summary>
    /// <param name="id">The id as written after <c>plan:</c>.</param>
    public static bool IsValid(string id) => Pattern().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Pattern();
}
