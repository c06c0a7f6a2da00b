namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>The records besides activities that a unit's recorder writes from the console.</summary>
public enum OtherRecordType
{
    /// <summary>A document of a kind of the plan (<c>document:</c>), to be reviewed before its gate opens.</summary>
    Document,

    /// <summary>A document made known (<c>publish:</c> its key, <c>to:</c> whom).</summary>
    Publication,

    /// <summary>An item of one of the plan's ledgers (<c>ledger:</c>, its fields under <c>with:</c>).</summary>
    LedgerItem,

    /// <summary>A review by one of the unit's own roles in an approval chain (主要负责人): its recorder records it.</summary>
    Review,
}
