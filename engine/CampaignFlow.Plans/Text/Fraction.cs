using System.Globalization;

namespace CampaignFlow.Plans.Text;

/// <summary>A share between 0 and 1, as plans write it: <c>三分之一</c>, <c>1/3</c>, <c>33%</c>, <c>0.5</c>.</summary>
/// <param name="Numerator">The top of the fraction.</param>
/// <param name="Denominator">The bottom of the fraction (1 for decimals and percentages scaled to it).</param>
/// <param name="Text">The text as written.</param>
public sealed record Fraction(decimal Numerator, decimal Denominator, string Text)
{
    /// <summary>The share as a number.</summary>
    public decimal Value => Numerator / Denominator;

    /// <summary>
    /// True when <paramref name="count"/> out of <paramref name="total"/> reaches this share. Exact: 3 of 9 reaches
    /// 1/3, with no rounding error from a decimal 0.333….
    /// </summary>
    /// <param name="count">How many.</param>
    /// <param name="total">Out of how many.</param>
    public bool IsReachedBy(decimal count, decimal total) => total > 0 && count * Denominator >= Numerator * total;

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Reads a share.</summary>
    /// <param name="text">The share as written.</param>
    /// <param name="fraction">The share read; its value may lie outside 0–1, which validation reports.</param>
    /// <param name="error">Why it could not be read.</param>
    public static bool TryParse(string text, out Fraction fraction, out TextError error)
    {
        fraction = null!;
        error = TextError.None;
        var t = text.Trim();
        var chinese = t.IndexOf("分之", StringComparison.Ordinal);
        if (chinese > 0
            && ChineseNumber.TryParse(t[..chinese], out var bottom)
            && ChineseNumber.TryParse(t[(chinese + 2)..], out var top) && bottom != 0)
        {
            fraction = new Fraction(top, bottom, text);
            return true;
        }

        var slash = t.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && ChineseNumber.TryParse(t[..slash], out var n)
            && ChineseNumber.TryParse(t[(slash + 1)..], out var d) && d != 0)
        {
            fraction = new Fraction(n, d, text);
            return true;
        }

        if (t.EndsWith('%') && decimal.TryParse(t[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
        {
            fraction = new Fraction(percent, 100, text);
            return true;
        }

        if (decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var plain))
        {
            fraction = new Fraction(plain, 1, text);
            return true;
        }

        error = new TextError("bad-share", text);
        return false;
    }
}
