using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// 方案报督导组审核; 对照检查材料党组主要负责同志审阅后报督导组审核: the document is approved by every role of its chain
/// (by the author's rank), each after the one before, and before any activity it gates is held.
/// </summary>
internal sealed class ApprovalGateJudge(ApprovalGate requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    private readonly Subject[] _gated = requirement.Gates.Select(context.SubjectOf).OfType<Subject>().ToArray();

    public override string RelevanceKey => base.RelevanceKey + "|gated:" + string.Join(",", _gated);

    public override bool IsRelevant(UnitRecord record) =>
        (record is DocumentRecord d && d.Kind == Requirement.Subject.Id)
        || (record is ReviewRecord r && r.DocumentKind == Requirement.Subject.Id)
        || _gated.Any(s => SubjectRecords.Is(record, s));

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        // A document resubmitted by the same author (or one that says it replaces it) supersedes the earlier one: only
        // the reviews of the current document count, so its chain is judged afresh.
        var written = records.OfType<DocumentRecord>()
            .Where(d => d.Kind == Requirement.Subject.Id && (due.Target is null || d.Author == due.Target)).ToArray();
        var replaced = written.Select(d => d.Replaces).OfType<string>().ToHashSet();
        var documents = written.Where(d => !replaced.Contains(d.Key)).GroupBy(d => d.Author)
            .Select(g => g.OrderBy(d => d.Day).ThenBy(d => d.Key, StringComparer.Ordinal).Last().Key).ToHashSet();
        var author = due.Target is null ? null : Context.Plan.Roster.Find(due.Target);
        IReadOnlyList<string> chain = author?.Rank is { } rank && requirement.ChainByRank.TryGetValue(rank, out var own) ? own : requirement.Chain;

        // Nobody reviews their own document: the principal's own 对照检查材料 goes straight to the next role (PY-20, MY-22).
        if (author?.Roles is { Count: > 0 } roles)
        {
            chain = chain.Where(role => !roles.Contains(role)).ToArray();
        }

        if (chain.Count == 0)
        {
            return documents.Count > 0 ? null : Violate(due, "gate-no-document", Evidence.None, Title, "", "", Context.Name(due.Target));
        }

        var approvals = records.OfType<ReviewRecord>()
            .Where(r => documents.Contains(r.DocumentKey) && r.Decision == ReviewDecision.Approved)
            .GroupBy(r => r.Role).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Day).First());

        var missing = chain.Where(role => !approvals.ContainsKey(role)).ToArray();
        if (documents.Count == 0 || missing.Length > 0)
        {
            return Violate(due, documents.Count == 0 ? "gate-no-document" : "gate-not-approved",
                new Evidence(approvals.Values.Select(r => r.Key).ToArray(), missing, null, string.Join(" → ", chain)),
                Title, string.Join(", ", missing.Select(Context.RoleTitle)), string.Join(" → ", chain.Select(Context.RoleTitle)), Context.Name(due.Target));
        }

        for (var i = 1; i < chain.Count; i++)
        {
            if (approvals[chain[i]].IsBefore(approvals[chain[i - 1]]))
            {
                return Violate(due, "gate-out-of-order",
                    new Evidence(chain.Select(role => approvals[role].Key).ToArray(), [], string.Join(" → ", chain.Select(role => $"{role} {JudgeContext.Day(approvals[role].Day)}")), string.Join(" → ", chain)),
                    Title, Context.RoleTitle(chain[i]), JudgeContext.Day(approvals[chain[i]].Day), Context.RoleTitle(chain[i - 1]), JudgeContext.Day(approvals[chain[i - 1]].Day), Context.Name(due.Target));
            }
        }

        var approved = approvals[chain[^1]].Day;
        var early = records.Where(r => _gated.Any(s => SubjectRecords.Is(r, s)) && r.IsBefore(approvals[chain[^1]])).OrderBy(r => r.Day).FirstOrDefault();
        return early is null
            ? null
            : Violate(due, "gate-held-before-approval",
                new Evidence([early.Key, approvals[chain[^1]].Key], [], JudgeContext.Day(early.Day), JudgeContext.Day(approved)),
                Title, Context.Title(early), JudgeContext.Day(early.Day), JudgeContext.Day(approved), Context.Name(due.Target));
    }
}
