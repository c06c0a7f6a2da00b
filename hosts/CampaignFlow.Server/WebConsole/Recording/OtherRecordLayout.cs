using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.WebConsole.Shell;
using CampaignFlow.Server.WebConsole.Text;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// What the form of a document, a publication or a ledger item asks for, read from the unit's plan and its records:
/// a document's author from the roster and the earlier document it resubmits, the documents a publication can
/// make known and to whom, a ledger's own fields (a <c>deadline</c> as a day, a <c>status</c> as open, in progress
/// or done, which the ledger requirements read).
/// </summary>
/// <param name="Type">What the record is.</param>
/// <param name="Id">The document kind or ledger id; <c>document</c> for a publication.</param>
/// <param name="Title">The form's title (专题民主生活会方案).</param>
/// <param name="Fields">The fields, in order, after the day every record has.</param>
public sealed record OtherRecordLayout(OtherRecordType Type, string Id, string Title, IReadOnlyList<RecordField> Fields)
{
    /// <summary>The route segment of each type (<c>/console/units/{unit}/write/{segment}/{id}</c>).</summary>
    /// <param name="type">The type.</param>
    public static string Segment(OtherRecordType type) => type switch
    {
        OtherRecordType.Document => "document",
        OtherRecordType.Publication => "publish",
        OtherRecordType.Review => "review",
        _ => "ledger",
    };

    /// <summary>The type of a route segment, or null.</summary>
    /// <param name="segment">The segment.</param>
    public static OtherRecordType? TypeOf(string segment) => segment switch
    {
        "document" => OtherRecordType.Document,
        "publish" => OtherRecordType.Publication,
        "ledger" => OtherRecordType.LedgerItem,
        "review" => OtherRecordType.Review,
        _ => null,
    };

    /// <summary>The forms of every document kind and ledger of <paramref name="plan"/>, and the publication's when a document is stored.</summary>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="records">The unit's records, for the documents to publish or resubmit.</param>
    /// <param name="request">The reader's words.</param>
    public static IReadOnlyList<OtherRecordLayout> AllOf(ResolvedPlan plan, IReadOnlyList<StoredRecord> records, ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var forms = plan.Vocabulary.Documents.Keys.Select(id => For(plan, OtherRecordType.Document, id, records, request)!).ToList();
        if (For(plan, OtherRecordType.Publication, PublicationId, records, request) is { } publication)
        {
            forms.Add(publication);
        }

        forms.AddRange(plan.Vocabulary.Ledgers.Keys.Select(id => For(plan, OtherRecordType.LedgerItem, id, records, request)!));
        forms.AddRange(OwnReviewers(plan).Select(role => For(plan, OtherRecordType.Review, role, records, request)).OfType<OtherRecordLayout>());
        return forms;
    }

    /// <summary>The id a publication's form goes by.</summary>
    public const string PublicationId = "document";

    /// <summary>The form, or null when the plan has no such document kind or ledger (or no document to publish).</summary>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="type">What the record is.</param>
    /// <param name="id">The document kind or ledger id.</param>
    /// <param name="records">The unit's records.</param>
    /// <param name="request">The reader's words.</param>
    public static OtherRecordLayout? For(ResolvedPlan plan, OtherRecordType type, string id, IReadOnlyList<StoredRecord> records, ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(request);
        var people = plan.Roster.People.Select(p => (p.Id, p.Post is { Length: > 0 } post ? $"{p.Name}（{post}）" : p.Name)).ToArray();
        var documents = records.Where(r => r.Type == "document").OrderByDescending(r => r.Day).ToArray();
        (string, string) Document(StoredRecord r) =>
            (r.Key, DocumentChoice(plan, r, documents.Count(d => d.Kind == r.Kind && d.Day == r.Day) > 1, request));

        switch (type)
        {
            case OtherRecordType.Document when plan.Vocabulary.Documents.TryGetValue(id, out var kind):
                return new OtherRecordLayout(type, id, kind.Title.Length > 0 ? kind.Title : id,
                [
                    new RecordField("author", request.T("write-author"), FieldInput.Choice, people, false),
                    new RecordField("replaces", request.T("write-replaces"), FieldInput.Choice, documents.Where(r => r.Kind == id).Select(Document).ToArray(), false),
                ]);
            case OtherRecordType.Publication when id == PublicationId && documents.Length > 0:
                return new OtherRecordLayout(type, id, request.T("write-publication"),
                [
                    new RecordField("publish", request.T("write-publish"), FieldInput.Choice, documents.Select(Document).ToArray(), true),
                    new RecordField("to", request.T("write-to"), FieldInput.Choice,
                    [
                        ("unit", request.T("write-to-unit")),
                        ("branch", request.T("write-to-branch")),
                        ("public", request.T("write-to-public")),
                        ("superior", request.T("write-to-superior")),
                    ], true),
                ]);
            case OtherRecordType.Review when OwnReviewers(plan).Contains(id):
                var reviewed = plan.Requirements.OfType<ApprovalGate>().Where(g => g.Chain.Contains(id)).Select(g => g.Subject.Id).ToHashSet(StringComparer.Ordinal);
                var waiting = documents.Where(d => reviewed.Contains(d.Kind)).Select(Document).ToArray();
                return waiting.Length == 0 ? null : new OtherRecordLayout(type, id, request.T("write-review", plan.Vocabulary.TitleOf(id) ?? id),
                [
                    new RecordField("review", request.T("write-review-document"), FieldInput.Choice, waiting, true),
                    new RecordField("decision", request.T("write-decision"), FieldInput.Choice,
                        [("approved", request.T("review-approve")), ("returned", request.T("review-return"))], true),
                    new RecordField("reviewer", request.T("write-reviewer"), FieldInput.Choice, people, false),
                    new RecordField("comment", request.T("review-comment"), FieldInput.Text, [], false),
                ]);
            case OtherRecordType.LedgerItem when plan.Vocabulary.Ledgers.TryGetValue(id, out var ledger):
                return new OtherRecordLayout(type, id, ledger.Title.Length > 0 ? ledger.Title : id, ledger.Fields.Select(f => LedgerField(f, people, request)).ToArray());
            default:
                return null;
        }
    }

    // The roles of the unit's own that approval chains name (主要负责人): the API takes their reviews from the unit's
    // recorder, while a supervision group or another role from outside reviews on its own page.
    private static IReadOnlyList<string> OwnReviewers(ResolvedPlan plan) =>
        plan.Requirements.OfType<ApprovalGate>().SelectMany(g => g.Chain)
            .Where(r => r != Api.Records.RecordRights.SupervisorRole && !(plan.Vocabulary.Roles.TryGetValue(r, out var role) && role.External))
            .Distinct(StringComparer.Ordinal).ToArray();

    // A stored document as a recorder knows it: its title, day and author (对照检查材料（2014年6月2日，刘晓光）). Its key,
    // which a recorder in the console never typed, only tells apart two of a kind on one day that have no author.
    private static string DocumentChoice(ResolvedPlan plan, StoredRecord record, bool sameKindSameDay, ConsoleRequest request)
    {
        var title = plan.Vocabulary.DocumentTitle(record.Kind);
        var author = RecordCodec.Decode(record) is DocumentRecord { Author: { } id } ? plan.Roster.Find(id)?.Name ?? id : null;
        return author is not null || sameKindSameDay
            ? request.T("write-document-choice", title, request.Day(record.Day), author ?? record.Key)
            : request.T("write-document-choice-day", title, request.Day(record.Day));
    }

    // The ledger requirements read a deadline as a day and done (完成) as closed; every other field is the plan's own.
    private static RecordField LedgerField(string name, IReadOnlyList<(string, string)> people, ConsoleRequest request) => name switch
    {
        "deadline" => new RecordField(OtherRecordValues.WithPrefix + name, request.T("write-deadline"), FieldInput.Date, [], false),
        "status" => new RecordField(OtherRecordValues.WithPrefix + name, request.T("write-status"), FieldInput.Choice,
            [("open", request.T("write-status-open")), ("in-progress", request.T("write-status-in-progress")), ("done", request.T("write-status-done"))], false),
        "owner" => new RecordField(OtherRecordValues.WithPrefix + name, request.T("write-owner"), FieldInput.Choice, people, false),
        _ => new RecordField(OtherRecordValues.WithPrefix + name, MessageCatalog.AttributeWord(name, request.Culture), FieldInput.Text, [], false),
    };
}
