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
        foreach (var due in DueSchedule.For(unit.Seed.Plan, unit.Seed.Plan.Unit.Id))
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
