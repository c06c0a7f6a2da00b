namespace CampaignFlow.Compliance.Records;

/// <summary>An item of a ledger (台账): a rectification item, an opinion, a measure.</summary>
/// <param name="Key">The idempotency key.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Day">The day it was entered.</param>
/// <param name="Ledger">The ledger id.</param>
public sealed record LedgerItemRecord(string Key, string Unit, DateOnly Day, string Ledger) : UnitRecord(Key, Unit, Day)
{
    /// <summary>The item's fields (item, measure, owner, deadline, status…).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>The item's deadline, when it has one.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>True when its status says it is done (done, completed, 已完成, 完成).</summary>
    public bool Done { get; init; }
}
