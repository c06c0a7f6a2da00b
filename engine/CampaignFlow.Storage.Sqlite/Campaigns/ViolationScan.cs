namespace CampaignFlow.Storage.Sqlite.Campaigns;

/// <summary>How a query by units reads the violations table (chosen per query by <c>SqliteViolationStore</c>).</summary>
internal enum ViolationScan
{
    /// <summary>No unit filter: SQLite chooses.</summary>
    Planner,

    /// <summary>Seek each unit (and status) in <c>ix_violations_unit_status</c>, then sort what matched: cost follows the matches.</summary>
    ByUnit,

    /// <summary>Walk an order index (<c>ix_violations_status</c> or <c>ix_violations_period</c>) testing each unit, stopping when the page is full: cost follows the rows walked.</summary>
    InOrder,
}
