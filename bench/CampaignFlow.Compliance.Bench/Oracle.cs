using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Bench;

/// <summary>
/// The rules' meaning as plain C#, with no rules engine: at the campaign's end every Due of the unit has closed; a
/// soft requirement with an exception of its action is closed; otherwise the requirement's judge is called once over
/// every relevant record of the unit (once per relevant record for judges that judge record by record).
/// </summary>
public static class Oracle
{
    /// <summary>Judge calls the oracle made so far (one per Due, one per relevant record for per-record judges).</summary>
    public static long JudgeCalls;

    public static string[] Violations(GeneratedUnit unit)
    {
        var rules = unit.Seed.Rules;
        var lastDay = unit.Seed.Plan.Window.End;
        var excepted = unit.Records.OfType<ExceptionRecord>().Select(e => e.ActionId).ToHashSet(StringComparer.Ordinal);
        var ids = new List<string>();
        var schedule = DueSchedule.For(unit.Seed.Plan, unit.Seed.Plan.Unit.Id);
        foreach (var due in schedule.Concat(SetDeadlines(unit, schedule, lastDay)))
        {
            if (due.End > lastDay)
            {
                throw new InvalidOperationException($"{due} closes after the campaign's end {lastDay}: the load phase would leave it pending.");
            }

            var judge = rules.Judges[due.RequirementId];
            if (judge.Requirement.Severity == Severity.Soft && excepted.Contains(judge.Requirement.ActionId))
            {
                continue;
            }

            var relevant = unit.Records.Where(judge.IsRelevant).ToArray();
            JudgeCalls += judge.PerRecord ? relevant.Length : 1;
            if (judge.PerRecord)
            {
                ids.AddRange(relevant.Select(r => judge.Judge(due, [r])).OfType<Violations.Violation>().Select(v => v.Id));
            }
            else if (judge.Judge(due, relevant) is { } violation)
            {
                ids.Add(violation.Id);
            }
        }

        return Sorted(ids);
    }

    /// <summary>
    /// The periods records set at run time (ADR 0021: the day a reviewer or examiner gives for a re-work), each closed
    /// for every target of its requirement once the campaign has ended, as a session does on the day after it.
    /// </summary>
    private static IEnumerable<Due> SetDeadlines(GeneratedUnit unit, IReadOnlyList<Due> schedule, DateOnly lastDay)
    {
        var byKey = unit.Records.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var setters = unit.Seed.Rules.Judges.Values.Where(j => j.SetsDeadlines).ToArray();
        var set = new HashSet<(DateOnly Day, string RequirementId)>();
        foreach (var record in unit.Records)
        {
            foreach (var judge in setters)
            {
                if (judge.DeadlineSetBy(record, key => byKey.GetValueOrDefault(key)) is { } day && day <= lastDay && set.Add((day, judge.Requirement.Id)))
                {
                    var targets = schedule.Where(d => d.RequirementId == judge.Requirement.Id).Select(d => d.Target).Distinct().DefaultIfEmpty(null);
                    foreach (var target in targets)
                    {
                        yield return new Due(unit.Seed.Plan.Unit.Id, judge.Requirement.Id, RunTimeDeadline.Label(day), target, judge.Requirement.Window.Start, day) { Judge = judge };
                    }
                }
            }
        }
    }

    /// <summary>
    /// How many (Due, record) pairs the rules' Collects (or per-record joins) hold for the unit at the campaign's
    /// end: without the window condition (every relevant record of the unit, whatever its day) and with it, as the
    /// engine compiles it (only the records of the Due's period, for judges that <c>ReadsOnlyItsPeriod</c>).
    /// </summary>
    public static (long AsCompiled, long Windowed) CollectedPairs(GeneratedUnit unit)
    {
        long all = 0, windowed = 0;
        foreach (var due in DueSchedule.For(unit.Seed.Plan, unit.Seed.Plan.Unit.Id))
        {
            var judge = unit.Seed.Rules.Judges[due.RequirementId];
            var relevant = unit.Records.Where(judge.IsRelevant).ToArray();
            all += relevant.Length;
            windowed += judge.ReadsOnlyItsPeriod ? relevant.Count(r => r.Within(due.Start, due.End)) : relevant.Length;
        }

        return (all, windowed);
    }

    public static string[] Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToArray();
}
