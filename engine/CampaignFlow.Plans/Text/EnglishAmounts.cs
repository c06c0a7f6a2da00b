using System.Text.RegularExpressions;

namespace CampaignFlow.Plans.Text;

/// <summary>
/// A sentence's values with a plan's amounts in English. Requirements and violations quote an amount as the plan writes
/// it (<c>半天</c>, <c>25个</c>, <c>21天 (168 h)</c>); an English reader gets "half a day", "25" and "21 days (168 h)".
/// Everything else (titles, ids, record keys, ISO days) is left as it is.
/// </summary>
public static partial class EnglishAmounts
{
    /// <summary>The value <paramref name="argument"/>, in English words if it is an amount a plan wrote.</summary>
    /// <param name="argument">One value a sentence names.</param>
    public static string Say(string argument)
    {
        var match = AmountWithHours().Match(argument);
        if (!match.Success)
        {
            return argument;
        }

        var amount = match.Groups["number"].Value + match.Groups["amount"].Value;
        // A bare number written in Chinese (七一) is more likely a name than an amount: only amounts with a unit change.
        return Quantity.TryParse(amount, out var quantity, out _) && (quantity.Unit != QuantityUnit.Count || quantity.Label.Length > 0)
            ? quantity.InEnglish() + match.Groups["hours"].Value
            : argument;
    }

    // Only values with Chinese in them can need English words: an amount as the plan writes it, or a judge's number and
    // the plan's measure word (0 名); the hours a judge adds in brackets stay as they are.
    [GeneratedRegex(@"^(?:(?<number>\d+(\.\d+)?) )?(?<amount>[^\s(（]*\p{IsCJKUnifiedIdeographs}[^\s(（]*)(?<hours> \(\d+(\.\d+)? h\))?$")]
    private static partial Regex AmountWithHours();
}
