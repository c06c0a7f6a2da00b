namespace CampaignFlow.Campaigns.Recording;

/// <summary>The values of <see cref="Storage.StoredRecord.Type"/>.</summary>
public static class RecordTypes
{
    /// <summary>An activity held.</summary>
    public const string Activity = "activity";

    /// <summary>A document written.</summary>
    public const string Document = "document";

    /// <summary>A review of a document.</summary>
    public const string Review = "review";

    /// <summary>A document published.</summary>
    public const string Publication = "publication";

    /// <summary>An item of a ledger.</summary>
    public const string LedgerItem = "ledger-item";

    /// <summary>A justified exception to a soft requirement.</summary>
    public const string Exception = "exception";
}
