namespace CampaignFlow.Compliance.Records;

/// <summary>
/// Something a unit recorded: a fact for the rules engine. Every record has an idempotency key unique in its
/// unit, and the day it happened (in the plan's time zone), by which windows and periods are judged.
/// </summary>
/// <param name="Key">The client's idempotency key: recording the same key twice stores one record.</param>
/// <param name="Unit">The unit that recorded it.</param>
/// <param name="Day">The day it happened (its first day, for several days).</param>
public abstract record UnitRecord(string Key, string Unit, DateOnly Day)
{
    /// <summary>True when <see cref="Day"/> lies in <paramref name="start"/>..<paramref name="end"/>, both included.</summary>
    /// <param name="start">First day.</param>
    /// <param name="end">Last day.</param>
    public bool Within(DateOnly start, DateOnly end) => Day >= start && Day <= end;

    /// <summary>The time of day it started, when the recorder gave one (<c>at: 2014-02-18 09:00</c>); null for a day only.</summary>
    public TimeOnly? Time { get; init; }

    /// <summary>
    /// True when this record certainly happened before <paramref name="other"/>: on an earlier day, or on the same
    /// day at an earlier time when both give one. Two records of one day without times are not ordered.
    /// </summary>
    /// <param name="other">Another record.</param>
    public bool IsBefore(UnitRecord other) =>
        Day < other.Day || (Day == other.Day && Time is { } mine && other.Time is { } theirs && mine < theirs);
}
