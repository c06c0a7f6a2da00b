using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// For occurrences left unanswered in time, the records handed in after their time ran out: a report exists, it is
/// late, and the violation says by how many days rather than that none was written. Each record is late for one
/// occurrence at most, as each answers one at most.
/// </summary>
internal static class LateAnswers
{
    /// <summary>The late record for each unanswered occurrence that has one.</summary>
    /// <param name="unanswered">Each occurrence with no answer in time, with the last day an answer counted.</param>
    /// <param name="free">The obliged party's records of what is owed that answer no occurrence in time.</param>
    public static IReadOnlyDictionary<ActivityRecord, UnitRecord> Match(IReadOnlyList<(ActivityRecord Occurrence, DateOnly Until)> unanswered, IReadOnlyList<UnitRecord> free)
    {
        var late = new Dictionary<ActivityRecord, UnitRecord>();
        var used = new HashSet<UnitRecord>();
        foreach (var (occurrence, until) in unanswered.OrderBy(o => o.Until).ThenBy(o => o.Occurrence.Key, StringComparer.Ordinal))
        {
            var record = free
                .Where(a => !used.Contains(a) && a.Day > until && ((a as ActivityRecord)?.Concerns is null || ((ActivityRecord)a).Concerns == occurrence.Key))
                .OrderBy(a => a.Day).ThenBy(a => a.Key, StringComparer.Ordinal)
                .FirstOrDefault();
            if (record is not null)
            {
                used.Add(record);
                late[occurrence] = record;
            }
        }

        return late;
    }

    /// <summary>How a late record is named: its key, its day and the days past the deadline (<c>report-2（2014-05-04, 3 d late）</c>).</summary>
    /// <param name="record">The late record.</param>
    /// <param name="until">The last day it counted.</param>
    public static string Describe(UnitRecord record, DateOnly until) =>
        $"{record.Key}（{JudgeContext.Day(record.Day)}, {JudgeContext.Number(record.Day.DayNumber - until.DayNumber)} d late）";
}
