namespace CampaignFlow.Plans.Requirements;

/// <summary>What kind of record a requirement counts.</summary>
public enum SubjectKind
{
    /// <summary>Recorded activities of one kind.</summary>
    Activity,

    /// <summary>Documents of one kind and their reviews.</summary>
    Document,

    /// <summary>Publications of documents of one kind.</summary>
    Publication,

    /// <summary>Items of one ledger.</summary>
    Ledger,

    /// <summary>All of the unit's activities, for a span.</summary>
    Span,
}
