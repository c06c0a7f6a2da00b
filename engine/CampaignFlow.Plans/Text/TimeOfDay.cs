using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignFlow.Plans.Text;

/// <summary>A time of day as a plan states it (<c>15:00</c>, <c>下午3点</c>, <c>14点30分</c>, <c>7点半</c>, <c>9时</c>).</summary>
/// <param name="Value">The time.</param>
/// <param name="Text">The text as written in the plan.</param>
public sealed partial record TimeOfDay(TimeOnly Value, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>The time as messages write it: 15:00, 09:30.</summary>
    public string Clock => Value.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads a time of day.</summary>
    /// <param name="text">e.g. <c>15:00</c>, <c>9:30</c>, <c>下午3点</c>, <c>上午9点30分</c>, <c>14时</c>.</param>
    /// <param name="time">The time read.</param>
    /// <param name="error">Why it could not be read.</param>
    /// <returns><see langword="true"/> when the text is a time of day.</returns>
    public static bool TryParse(string text, out TimeOfDay time, out TextError error)
    {
        time = null!;
        error = new TextError("bad-time-of-day", text);
        var match = Clock24().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : match.Groups["half"].Success ? 30 : 0;
        var part = match.Groups["part"].Value;
        if (part is "下午" or "晚上" && hour is >= 1 and < 12)
        {
            hour += 12;
        }

        if (hour > 23 || minute > 59 || (part is "上午" && hour > 12))
        {
            return false;
        }

        time = new TimeOfDay(new TimeOnly(hour, minute), text);
        error = TextError.None;
        return true;
    }

    [GeneratedRegex(@"^(?<part>上午|下午|晚上|早上)?(?<h>[0-9]{1,2})(([:：](?<m>[0-9]{2}))|([点时](?<m>[0-9]{1,2})分?)|([点时](?<half>半))|[点时])$")]
    private static partial Regex Clock24();
}
