using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// A re-work's deadline set at run time: the day the reviewer who returned a document, or the examiner of a failed
/// test, gave for doing it again (<c>due:</c> or <c>within:</c> on that record), and what came to replace it.
/// </summary>
internal static class ReworkDeadline
{
    /// <summary>The day the re-work of <paramref name="failed"/> is due, or null when nobody set one.</summary>
    /// <param name="failed">A returned document, or a failed test.</param>
    /// <param name="records">The unit's records, to find the return.</param>
    public static DateOnly? Of(UnitRecord failed, IReadOnlyCollection<UnitRecord> records) => failed switch
    {
        ActivityRecord { Due: { } due } => due,
        _ => records.OfType<ReviewRecord>().Where(r => r.DocumentKey == failed.Key && r.Decision == ReviewDecision.Returned && r.Due is not null)
            .OrderByDescending(r => r.Day).FirstOrDefault()?.Due,
    };

    /// <summary>
    /// The record that does <paramref name="failed"/> again: the one that says it replaces it, or, for a document, the
    /// next one of its kind by the same author; null while there is none.
    /// </summary>
    /// <param name="failed">A returned document or a failed activity.</param>
    /// <param name="records">The unit's records.</param>
    public static UnitRecord? Replacement(UnitRecord failed, IReadOnlyCollection<UnitRecord> records) =>
        records.FirstOrDefault(r => r switch { ActivityRecord a => a.Replaces == failed.Key, DocumentRecord d => d.Replaces == failed.Key, _ => false })
        ?? (failed is DocumentRecord document
            ? records.OfType<DocumentRecord>().Where(d => d.Key != document.Key && d.Kind == document.Kind && d.Author == document.Author && d.Day >= document.Day)
                .OrderBy(d => d.Day).ThenBy(d => d.Key, StringComparer.Ordinal).FirstOrDefault()
            : null);
}
