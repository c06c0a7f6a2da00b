namespace CampaignFlow.Campaigns.Storage;

/// <summary>What storing one record did.</summary>
public enum AppendOutcome
{
    /// <summary>The key was new: the record is stored.</summary>
    Inserted,

    /// <summary>The key was stored before with the same payload: nothing changed (a client's retry).</summary>
    Duplicate,

    /// <summary>The key was stored before with another payload: nothing changed, and the caller is told.</summary>
    Conflict,

    /// <summary>The key is new, but another record of the batch conflicts, so nothing of the batch was stored.</summary>
    Withheld,
}
