namespace CampaignFlow.Storage.Postgres;

/// <summary>
/// How instants are kept: <c>timestamptz</c> (UTC, which SQL compares and auditors read) with the unit's clock
/// offset in minutes beside it, so an instant reads back exactly as it was written.
/// </summary>
internal static class PostgresTime
{
    public static DateTime Utc(DateTimeOffset time) => time.UtcDateTime;

    public static short Offset(DateTimeOffset time) => (short)time.Offset.TotalMinutes;

    public static DateTimeOffset Read(DateTime utc, short offsetMinutes) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
}
