using System.Globalization;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.WebConsole.Shell;

namespace CampaignFlow.Server.WebConsole.Records;

/// <summary>
/// What a stored record says, in the reader's words and the unit's plan's titles: an activity's hours, participants
/// and attributes (集中学习 · 4 小时 · 参加 12 人 · 渠道：电子意见箱), a document's author, a review's decision and
/// reviewer, a publication's audience, a ledger item's fields, an exception's justification.
/// </summary>
public static class RecordWords
{
    /// <summary>What <paramref name="record"/> is: its kind's title (集中学习, 对照检查材料), or for a review and a publication the document's.</summary>
    /// <param name="record">The record.</param>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="request">The reader's words.</param>
    public static string Title(UnitRecord record, ResolvedPlan plan, ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        return record switch
        {
            ActivityRecord a => plan.Vocabulary.KindTitle(a.Kind) ?? a.Kind,
            DocumentRecord d => plan.Vocabulary.DocumentTitle(d.Kind),
            ReviewRecord r => request.T("records-review-of", plan.Vocabulary.DocumentTitle(r.DocumentKind)),
            PublicationRecord p => request.T("records-publication-of", plan.Vocabulary.DocumentTitle(p.DocumentKind)),
            LedgerItemRecord l => plan.Vocabulary.KindTitle(l.Ledger) ?? l.Ledger,
            ExceptionRecord e => request.T("records-exception-for", plan.Actions.FirstOrDefault(x => x.Id == e.ActionId)?.Title is { Length: > 0 } action ? action : e.ActionId),
            _ => record.Key,
        };
    }

    /// <summary>What the record says beyond its title and day, as short parts to join.</summary>
    /// <param name="record">The record.</param>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="request">The reader's words.</param>
    public static IReadOnlyList<string> Details(UnitRecord record, ResolvedPlan plan, ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        string Person(string id) => plan.Roster.Find(id)?.Name ?? id;
        string Reviewer(ReviewRecord review) => review.Reviewer is { } reviewer ? Person(reviewer) : plan.Vocabulary.TitleOf(review.Role) ?? review.Role;
        switch (record)
        {
            case ActivityRecord a:
                var kind = plan.Vocabulary.Activities.GetValueOrDefault(a.Kind);
                var parts = new List<string>();
                if (a.Hours > 0)
                {
                    parts.Add(request.T("records-hours", a.Hours.ToString("0.##", CultureInfo.InvariantCulture)));
                }

                if (a.Participants.Count > 0)
                {
                    parts.Add(request.T("records-participants", request.Number(a.Participants.Count)));
                }

                parts.AddRange(a.Externals.Select(e => request.T("records-externals", plan.Vocabulary.TitleOf(e.Key) ?? e.Key, request.Number(e.Value))));
                // In the order the kind declares them (满意票, 基本满意票, 不满意票), as the form asks; the store keeps them by id.
                var declared = kind?.Attributes ?? [];
                parts.AddRange(a.Attributes.OrderBy(at => declared.Contains(at.Key) ? declared.ToList().IndexOf(at.Key) : declared.Count).Select(at => request.T("records-attribute",
                    kind?.AttributeWord(at.Key, request.Culture) ?? at.Key,
                    bool.TryParse(at.Value, out var flag) ? (flag ? request.T("records-yes") : request.T("records-no")) : kind?.ValueTitle(at.Value) ?? at.Value)));
                return parts;
            case DocumentRecord { Author: { } author }:
                return [request.T("records-author", Person(author))];
            case ReviewRecord r:
                return
                [
                    r.Decision == ReviewDecision.Approved ? request.T("records-approved", Reviewer(r)) : request.T("records-returned", Reviewer(r)),
                    .. r.Comment is { Length: > 0 } comment ? [comment] : Array.Empty<string>(),
                ];
            case PublicationRecord p:
                return [request.T("write-to-" + p.Audience.ToString().ToLowerInvariant())];
            case LedgerItemRecord l:
                return l.Fields.Select(f => request.T("records-attribute", MessageCatalog.AttributeWord(f.Key, request.Culture), LedgerValue(f.Key, f.Value))).ToArray();
            case ExceptionRecord e:
                return [e.Justification];
            default:
                return [];
        }

        // The fields the ledger requirements read, in the words the ledger form offers them in.
        string LedgerValue(string field, string value) => field switch
        {
            "owner" => Person(value),
            "deadline" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => request.Day(day),
            "status" when value is "open" or "in-progress" or "done" => request.T("write-status-" + value),
            _ => value,
        };
    }
}
