namespace CampaignFlow.Compliance.Explaining;

/// <summary>How one record of a requirement's subject fared against the rule's conditions for one period.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Day">Its day.</param>
/// <param name="Outcome">
/// <c>counted</c>; <c>violated</c> (a judge of each record found this one wanting: a ledger item past its deadline);
/// or the first condition it failed: <c>where-not-matched</c> (its attributes are not those the requirement asks for),
/// <c>other-target</c> (another person's, branch's or department's), <c>not-relevant</c> (the judge does not read it),
/// <c>outside-periods</c> (in none of the requirement's periods).
/// </param>
public sealed record RecordCheck(string Key, DateOnly Day, string Outcome)
{
    /// <summary>
    /// For <c>where-not-matched</c>, the part of the <c>where</c> it failed and what it had instead
    /// (<c>siteKind: township ≠ enterprise</c>; <c>place: wuzhou-machinery → kind: township ≠ enterprise</c>); null otherwise.
    /// </summary>
    public string? Failed { get; init; }

    /// <summary>True when the record was among those the verdict was reached on.</summary>
    public bool Counted => Outcome == "counted";
}
