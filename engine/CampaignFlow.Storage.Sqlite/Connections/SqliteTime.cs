using System.Globalization;

namespace CampaignFlow.Storage.Sqlite.Connections;

/// <summary>
/// How instants are written: UTC ticks where SQL compares or orders them (offsets would break text order),
/// round-trip ISO 8601 text where a reader or the API needs the original offset back. Days are ISO dates.
/// </summary>
internal static class SqliteTime
{
    public static long Ticks(DateTimeOffset at) => at.UtcTicks;

    public static string Text(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>A day as 'yyyy-MM-dd': text order is day order, so SQL compares and sorts days as text.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day written by <see cref="Day"/>, read from part of a longer text (a roll-up reads tens of thousands).</summary>
    public static DateOnly ParseDay(ReadOnlySpan<char> text) => new(
        int.Parse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture),
        int.Parse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture),
        int.Parse(text[8..10], NumberStyles.None, CultureInfo.InvariantCulture));
}
