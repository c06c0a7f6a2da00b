using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>The records of a subject, whatever its kind: activities, documents, publications or ledger items.</summary>
internal static class SubjectRecords
{
    public static bool Is(UnitRecord record, Subject subject) => (subject.Kind, record) switch
    {
        (SubjectKind.Activity, ActivityRecord a) => a.Kind == subject.Id,
        (SubjectKind.Document, DocumentRecord d) => d.Kind == subject.Id,
        (SubjectKind.Publication, PublicationRecord p) => p.DocumentKind == subject.Id,
        (SubjectKind.Ledger, LedgerItemRecord l) => l.Ledger == subject.Id,
        _ => false,
    };

    public static DateOnly? First(IEnumerable<UnitRecord> records, Subject subject) =>
        records.Where(r => Is(r, subject)).Select(r => (DateOnly?)r.Day).Min();
}
