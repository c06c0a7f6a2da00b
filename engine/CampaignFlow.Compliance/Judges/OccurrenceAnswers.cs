using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// Pairs the occurrences that oblige someone with the records that answer them, each record with one occurrence at
/// most: two study sessions a week apart need two reflections, and one reflection written after the second cannot
/// stand for both.
/// </summary>
internal static class OccurrenceAnswers
{
    /// <summary>The record answering each occurrence, or null when none is left that is in time.</summary>
    /// <param name="occurrences">Each occurrence with the last day an answer to it counts.</param>
    /// <param name="answers">The obliged party's records of what is owed.</param>
    public static IReadOnlyDictionary<ActivityRecord, UnitRecord?> Match(
        IReadOnlyList<(ActivityRecord Occurrence, DateOnly Until)> occurrences, IReadOnlyList<UnitRecord> answers)
    {
        var matched = new Dictionary<ActivityRecord, UnitRecord?>();
        var used = new HashSet<UnitRecord>();

        // A record that says which occurrence it is about answers that one and no other.
        foreach (var (occurrence, until) in occurrences)
        {
            var named = answers.Where(a => Concerns(a) == occurrence.Key && InTime(a, occurrence, until) && !used.Contains(a)).OrderBy(a => a.Day).FirstOrDefault();
            if (named is not null)
            {
                used.Add(named);
                matched[occurrence] = named;
            }
        }

        // The occurrence whose time runs out first takes the earliest record still free that is in time for it: no
        // other assignment answers more occurrences (records are points on the calendar, occurrences intervals).
        foreach (var (occurrence, until) in occurrences.Where(o => !matched.ContainsKey(o.Occurrence))
            .OrderBy(o => o.Until).ThenBy(o => o.Occurrence.Day).ThenBy(o => o.Occurrence.Key, StringComparer.Ordinal))
        {
            var free = answers
                .Where(a => !used.Contains(a) && Concerns(a) is null && InTime(a, occurrence, until))
                .OrderBy(a => a.Day).ThenBy(a => a.Time).ThenBy(a => a.Key, StringComparer.Ordinal)
                .FirstOrDefault();
            if (free is not null)
            {
                used.Add(free);
            }

            matched[occurrence] = free;
        }

        return matched;
    }

    private static string? Concerns(UnitRecord record) => (record as ActivityRecord)?.Concerns;

    // On the occurrence's own day an answer counts unless both give times and it came first.
    private static bool InTime(UnitRecord answer, ActivityRecord occurrence, DateOnly until) =>
        answer.Day >= occurrence.Day && answer.Day <= until && !answer.IsBefore(occurrence);
}
