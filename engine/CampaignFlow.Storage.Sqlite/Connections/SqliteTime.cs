using System.Globalization;

namespace CampaignFlow.Storage.Sqlite.Connections;

/// <summary>
/// How instants are written: UTC ticks where SQL compares or orders them (offsets would break text order),
/// round-trip ISO 8601 text where a reader or the API needs the original offset back.
/// </summary>
internal static class SqliteTime
{
    public static long Ticks(DateTimeOffset at) => at.UtcTicks;

    public static string Text(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
