using System.Globalization;

namespace CampaignFlow.Plans.Text;

/// <summary>
/// Reads the numbers plans are written with: Arabic digits (<c>4</c>, <c>0.5</c>, <c>1.5万</c>) and
/// Chinese numerals (<c>一</c> … <c>十</c>, <c>两</c>, <c>二十五</c>, <c>一百二十</c>, <c>半</c>).
/// </summary>
public static class ChineseNumber
{
    private static readonly Dictionary<char, int> Digits = new()
    {
        ['零'] = 0,
        ['〇'] = 0,
        ['一'] = 1,
        ['二'] = 2,
        ['两'] = 2,
        ['兩'] = 2,
        ['三'] = 3,
        ['四'] = 4,
        ['五'] = 5,
        ['六'] = 6,
        ['七'] = 7,
        ['八'] = 8,
        ['九'] = 9,
    };

    private static readonly Dictionary<char, int> SmallUnits = new() { ['十'] = 10, ['百'] = 100, ['千'] = 1000 };

    /// <summary>Tries to read <paramref name="text"/> as a whole number or decimal.</summary>
    /// <param name="text">The number as written, e.g. <c>25</c>, <c>二十五</c>, <c>1.5万</c>, <c>半</c>.</param>
    /// <param name="value">The value read.</param>
    /// <returns><see langword="true"/> when the whole text is a number.</returns>
    public static bool TryParse(string text, out decimal value)
    {
        value = 0;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        if (text == "半")
        {
            value = 0.5m;
            return true;
        }

        decimal multiplier = 1;
        if (text.Length > 1 && (text[^1] == '万' || text[^1] == '萬'))
        {
            multiplier = 10_000;
            text = text[..^1];
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var arabic))
        {
            // 万 can carry a number past what a decimal holds: that is no number anyone wrote, not an overflow.
            if (arabic > decimal.MaxValue / multiplier)
            {
                return false;
            }

            value = arabic * multiplier;
            return true;
        }

        if (TryParseChinese(text, out var chinese))
        {
            value = chinese * multiplier;
            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="c"/> can be part of a number as plans write them.</summary>
    /// <param name="c">The character.</param>
    public static bool IsNumberChar(char c) =>
        char.IsAsciiDigit(c) || c == '.' || Digits.ContainsKey(c) || SmallUnits.ContainsKey(c) || c == '万' || c == '萬';

    private static bool TryParseChinese(string text, out decimal value)
    {
        value = 0;
        decimal section = 0;
        decimal digit = -1;
        foreach (var c in text)
        {
            if (Digits.TryGetValue(c, out var d))
            {
                if (digit >= 0)
                {
                    return false; // two digits in a row ("二三") is not a number people write
                }

                digit = d;
            }
            else if (SmallUnits.TryGetValue(c, out var unit))
            {
                // "十二" means 12: a unit with no digit before it counts as one of that unit.
                section += (digit < 0 ? 1 : digit) * unit;
                digit = -1;
            }
            else
            {
                return false;
            }
        }

        value = section + (digit < 0 ? 0 : digit);
        return text.Length > 0;
    }
}
