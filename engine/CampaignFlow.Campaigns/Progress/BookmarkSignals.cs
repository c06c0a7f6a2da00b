using System.Security.Cryptography;
using System.Text;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Campaigns.Progress;

/// <summary>
/// The signals a unit's records call for: for every bookmark the unit's instance waits on, the record that resumes it
/// (the action's record, the role's approving review, the re-work verdict), if the unit has recorded it. Signals are
/// derived from the records rather than sent as records arrive, so a bookmark that opens after its record (a phase
/// opening on a tick) is resumed all the same, and a replay sends nothing twice: each signal's idempotency key names
/// the bookmark's execution and the evidence.
/// </summary>
internal static class BookmarkSignals
{
    /// <summary>The sender named on every signal.</summary>
    public const string Sender = "campaign-service";

    /// <summary>The signals that resume bookmarks of <paramref name="state"/> now.</summary>
    public static IReadOnlyList<Signal> For(CompiledCampaign campaign, ComplianceRules rules, WorkflowInstanceState state, IReadOnlyCollection<UnitRecord> records)
    {
        var signals = new List<Signal>();
        var sent = new HashSet<BookmarkKey>();
        foreach (var bookmark in state.Bookmarks)
        {
            if (!campaign.Bindings.TryGetValue(bookmark.ActivityId, out var binding) || sent.Contains(bookmark.Key))
            {
                continue;
            }

            var (evidence, outcome) = binding.Kind switch
            {
                BindingKind.Held => (Held(binding, rules, records), CampaignSignals.Held),
                BindingKind.Approval => (Approval(binding, rules, records), CampaignSignals.Approved),
                _ => Decision(binding, rules, records),
            };
            if (evidence is null)
            {
                continue;
            }

            sent.Add(bookmark.Key);
            signals.Add(new Signal(bookmark.Name, bookmark.Correlation)
            {
                IdempotencyKey = Key($"{state.InstanceId}|{bookmark.ActivityId}|{bookmark.ExecutionId}|{evidence}|{outcome}"),
                Sender = Sender,
                Outcome = outcome,
                Payload = new Dictionary<string, string>(StringComparer.Ordinal) { ["evidence"] = evidence },
            });
        }

        return signals;
    }

    private static string? Held(ActivityBinding binding, ComplianceRules rules, IReadOnlyCollection<UnitRecord> records)
    {
        if (binding.Rework is { } rework)
        {
            // Each pass waits for an occurrence not yet found failed: the first meeting, then the one that re-holds it.
            return ReworkVerdicts.Current(rework, records).LastOrDefault(o => !ReworkVerdicts.Failed(rework, rules, o, records))?.Key;
        }

        var action = binding.Action;
        return records.Where(r => r.Within(action.Window.Start, action.Window.End) && action.Requirements.Any(q => SubjectRecords.Counts(q, r)))
            .OrderBy(r => r.Day).ThenBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
    }

    private static (string? Evidence, string Outcome) Decision(ActivityBinding binding, ComplianceRules rules, IReadOnlyCollection<UnitRecord> records)
    {
        var rework = binding.Rework!;
        if (ReworkVerdicts.Current(rework, records).LastOrDefault() is not { } latest
            || ReworkVerdicts.Verdict(rework, rules, latest, records) is not { } failed)
        {
            return (null, "");
        }

        return (latest.Key, failed ? CampaignSignals.Repeat : CampaignSignals.Passed);
    }

    private static string? Approval(ActivityBinding binding, ComplianceRules rules, IReadOnlyCollection<UnitRecord> records)
    {
        var gate = binding.Gate!;
        var documents = records.OfType<DocumentRecord>().Where(d => d.Kind == gate.Subject.Id).ToArray();
        var replaced = documents.Select(d => d.Replaces).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // The current document of each author: a resubmission supersedes the earlier one, so its chain starts afresh.
        var current = documents.Where(d => !replaced.Contains(d.Key)).GroupBy(d => d.Author)
            .ToDictionary(g => g.Key ?? "", g => g.OrderBy(d => d.Day).ThenBy(d => d.Key, StringComparer.Ordinal).Last(), StringComparer.Ordinal);

        string? ApprovalOf(DocumentRecord document) => records.OfType<ReviewRecord>()
            .Where(r => r.DocumentKey == document.Key && r.Role == binding.Role && r.Decision == ReviewDecision.Approved)
            .OrderBy(r => r.Day).ThenBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;

        if (gate.Scope == Scope.Person && gate.Targets.Count > 0)
        {
            var keys = new List<string>();
            foreach (var target in gate.Targets)
            {
                if (!current.TryGetValue(target, out var own))
                {
                    return null;
                }

                // Nobody reviews their own document, as the rules judge it: the author's own role passes on submission.
                if (rules.Plan.Roster.Find(target)?.Roles?.Contains(binding.Role!) ?? false)
                {
                    keys.Add(own.Key);
                    continue;
                }

                if (ApprovalOf(own) is not { } key)
                {
                    return null;
                }

                keys.Add(key);
            }

            return string.Join(",", keys);
        }

        return current.Values.Select(ApprovalOf).OfType<string>().Order(StringComparer.Ordinal).FirstOrDefault();
    }

    // Keys name the evidence, which for a gate of many people is long; the inbox keeps keys, so they stay short.
    private static string Key(string text) => text.Length <= 160 ? text : text[..96] + "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
