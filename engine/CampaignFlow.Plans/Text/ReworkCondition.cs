using System.Text.RegularExpressions;

namespace CampaignFlow.Plans.Text;

/// <summary>
/// When an action must be done again: a share of an evaluation's answers reaching a threshold
/// (<c>unsatisfied >= 1/3</c>, "不满意的比率达到三分之一以上的要重开"), or a reviewer returning the result
/// (<c>returned</c>, "不符合要求的要重新进行调研"), or a failed test (<c>failed</c>, "不达标者补课").
/// </summary>
/// <param name="Attribute">The evaluation's count whose share is compared (e.g. <c>unsatisfied</c>), or null.</param>
/// <param name="Threshold">The share that triggers re-work, or null.</param>
/// <param name="Outcome">For <c>returned</c> and <c>failed</c>: the outcome that triggers re-work; otherwise null.</param>
/// <param name="Text">The condition as written.</param>
public sealed partial record ReworkCondition(string? Attribute, Fraction? Threshold, string? Outcome, string Text)
{
    /// <summary>The outcomes a condition may name instead of a threshold.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = ["returned", "failed"];

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Reads a re-work condition.</summary>
    /// <param name="text">e.g. <c>unsatisfied >= 1/3</c>, <c>unsatisfied >= 三分之一</c>, <c>returned</c>, <c>failed</c>.</param>
    /// <param name="condition">The condition read.</param>
    /// <param name="error">Why it could not be read.</param>
    public static bool TryParse(string text, out ReworkCondition condition, out TextError error)
    {
        condition = null!;
        error = TextError.None;
        var t = text.Trim();
        if (Outcomes.Contains(t))
        {
            condition = new ReworkCondition(null, null, t, text);
            return true;
        }

        var match = Comparison().Match(t);
        if (match.Success && Fraction.TryParse(match.Groups["v"].Value, out var threshold, out _))
        {
            condition = new ReworkCondition(match.Groups["a"].Value, threshold, null, text);
            return true;
        }

        error = new TextError("bad-rework", text);
        return false;
    }

    [GeneratedRegex(@"^(?<a>[A-Za-z][A-Za-z0-9_-]*)\s*(>=|≥)\s*(?<v>.+)$")]
    private static partial Regex Comparison();
}
