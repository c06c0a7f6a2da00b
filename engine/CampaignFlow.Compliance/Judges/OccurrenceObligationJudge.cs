using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// Every leader present at a study session writes a reflection within a week; each member's research report follows
/// their own trip; the unit evaluates each meeting: for each occurrence, each obliged party has a record of the subject
/// in time, and no record answers two occurrences.
/// </summary>
internal sealed class OccurrenceObligationJudge(OccurrenceObligation requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    public override string RelevanceKey => base.RelevanceKey + "|for-each:" + requirement.ForEach;

    public override bool IsRelevant(UnitRecord record) =>
        (record is ActivityRecord a && a.Kind == requirement.ForEach) || SubjectRecords.Is(record, Requirement.Subject);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        // The due closes once the last occurrence's time has run out, after the window; occurrences are the window's.
        var occurrences = records.OfType<ActivityRecord>()
            .Where(a => a.Kind == requirement.ForEach && a.Within(due.Start, Requirement.Window.End))
            .OrderBy(a => a.Day).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => (Occurrence: a, Until: Until(a)))
            .ToArray();

        // A resubmission is its first version again, not a second answer: the first one, on its own day, answers.
        var keys = records.Select(r => r.Key).ToHashSet();
        var answers = records.Where(r => SubjectRecords.Counts(Requirement, r) && !(Replaces(r) is { } first && keys.Contains(first))).ToArray();

        var missing = new List<string>();
        var lateOnes = new List<string>();
        var counted = new List<string>();
        var owed = 0;
        foreach (var obliged in Obliged(occurrences.Select(o => o.Occurrence)))
        {
            var theirs = occurrences.Where(o => obliged is null || o.Occurrence.Participants.Contains(obliged)).ToArray();
            owed += theirs.Length;
            var owned = answers.Where(r => obliged is null || Owns(r, obliged)).ToArray();
            var matched = OccurrenceAnswers.Match(theirs, owned);
            var unanswered = theirs.Where(o => matched[o.Occurrence] is null).ToArray();
            var late = LateAnswers.Match(unanswered, owned.Except(matched.Values.OfType<UnitRecord>()).ToArray());
            foreach (var (occurrence, until) in theirs)
            {
                if (matched[occurrence] is { } answer)
                {
                    counted.Add(answer.Key);
                    continue;
                }

                var entry = $"{occurrence.Key}（{JudgeContext.Day(occurrence.Day)}..{JudgeContext.Day(until)}）" + (obliged is null ? "" : "：" + Context.Name(obliged));
                missing.Add(entry);
                if (late.TryGetValue(occurrence, out var handedIn))
                {
                    lateOnes.Add(LateAnswers.Describe(handedIn, until));
                }
            }
        }

        return missing.Count == 0
            ? null
            : Violate(
                due,
                lateOnes.Count == 0 ? "obligation-missing" : "obligation-late",
                new Evidence(counted, missing, $"{owed - missing.Count}/{owed}", requirement.Within?.Text),
                Context.Title(new Subject(SubjectKind.Activity, requirement.ForEach)),
                Title,
                string.Join("、", missing),
                JudgeContext.Number(missing.Count),
                JudgeContext.Number(owed),
                string.Join("、", lateOnes));
    }

    /// <summary>The last day an answer to <paramref name="occurrence"/> counts: within the time after its last day, or by the window's end.</summary>
    private DateOnly Until(ActivityRecord occurrence) =>
        requirement.Within is { } within ? within.LastDayAfter(occurrence.LastDay, Context.Plan.WorkingCalendar) : Requirement.Window.End;

    /// <summary>The people obliged at any occurrence in order of the roster, or the unit (null) when the plan names nobody.</summary>
    private IEnumerable<string?> Obliged(IEnumerable<ActivityRecord> occurrences)
    {
        if (!requirement.PerParticipant)
        {
            return [null];
        }

        var present = occurrences.SelectMany(o => o.Participants).ToHashSet();
        return requirement.Participants.Where(present.Contains);
    }

    private static string? Replaces(UnitRecord record) => record switch
    {
        DocumentRecord d => d.Replaces,
        ActivityRecord a => a.Replaces,
        _ => null,
    };

    private static bool Owns(UnitRecord record, string person) => record switch
    {
        DocumentRecord d => d.Author == person,
        ActivityRecord a => a.Participants.Contains(person),
        _ => false,
    };
}
