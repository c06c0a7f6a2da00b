namespace CampaignFlow.Campaigns.Storage;

/// <summary>The outcome of storing one record of a batch.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Outcome">Inserted, duplicate or conflict.</param>
/// <param name="Stored">The record as stored now: the new one when inserted, the one stored before for a duplicate or conflict, the offered one (sequence 0) when withheld.</param>
public sealed record AppendResult(string Key, AppendOutcome Outcome, StoredRecord Stored)
{
    /// <summary>The results of a batch that conflicts: every record that would have been inserted is withheld.</summary>
    /// <param name="results">The results as if each record stood alone.</param>
    public static IReadOnlyList<AppendResult> AllOrNothing(IReadOnlyList<AppendResult> results)
    {
        if (results.All(r => r.Outcome != AppendOutcome.Conflict))
        {
            return results;
        }

        // A repeat of a withheld record points at it as it was offered: it was never stored either.
        var withheld = results.Where(r => r.Outcome == AppendOutcome.Inserted).Select(r => (r.Stored.Unit, r.Stored.Key)).ToHashSet();
        return results.Select(r => withheld.Contains((r.Stored.Unit, r.Stored.Key))
            ? r with { Outcome = r.Outcome == AppendOutcome.Inserted ? AppendOutcome.Withheld : r.Outcome, Stored = r.Stored with { Sequence = 0 } }
            : r).ToArray();
    }
}
