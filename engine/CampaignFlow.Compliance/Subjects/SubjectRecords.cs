using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Subjects;

/// <summary>
/// Which records are of a requirement's subject, written once for the judges, the workflow's signals and re-work:
/// activities of its kind (with the attributes its <c>where</c> asks for), documents, publications or ledger items.
/// </summary>
public static class SubjectRecords
{
    /// <summary>True when <paramref name="record"/> is of <paramref name="subject"/>, whatever its attributes.</summary>
    /// <param name="record">A record.</param>
    /// <param name="subject">A subject.</param>
    public static bool Is(UnitRecord record, Subject subject) => (subject.Kind, record) switch
    {
        (SubjectKind.Activity, ActivityRecord a) => a.Kind == subject.Id,
        (SubjectKind.Document, DocumentRecord d) => d.Kind == subject.Id,
        (SubjectKind.Publication, PublicationRecord p) => p.DocumentKind == subject.Id,
        (SubjectKind.Ledger, LedgerItemRecord l) => l.Ledger == subject.Id,
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="record"/> counts for <paramref name="requirement"/>: of its subject, and for an activity
    /// with the attributes its <c>where</c> asks for; any activity counts for a span.
    /// </summary>
    /// <param name="requirement">A requirement.</param>
    /// <param name="record">A record.</param>
    public static bool Counts(Requirement requirement, UnitRecord record) => requirement.Subject.Kind switch
    {
        SubjectKind.Activity => IsActivity(record, requirement.Subject, requirement.Matching),
        SubjectKind.Span => record is ActivityRecord,
        _ => Is(record, requirement.Subject),
    };

    /// <summary>True for an activity whose kind is <paramref name="subject"/>'s id, with the attributes <paramref name="where"/> asks for.</summary>
    /// <param name="record">A record.</param>
    /// <param name="subject">A subject.</param>
    /// <param name="where">What the activity's attributes must be.</param>
    public static bool IsActivity(UnitRecord record, Subject subject, Plans.Requirements.Conditions.WhereCondition where) =>
        record is ActivityRecord a && a.Kind == subject.Id && a.Matches(where);

    /// <summary>The first day of a record of <paramref name="subject"/>, or null.</summary>
    /// <param name="records">Records.</param>
    /// <param name="subject">A subject.</param>
    public static DateOnly? First(IEnumerable<UnitRecord> records, Subject subject) =>
        records.Where(r => Is(r, subject)).Select(r => (DateOnly?)r.Day).Min();
}
