using System.Globalization;
using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Explaining;

/// <summary>
/// "Why did this (not) fire?" for one requirement of a unit: the compliance rule's conditions (ADR 0002) taken one at
/// a time — is the period closed, which records of the subject fall in it, which of those match its <c>where</c> and
/// its target and are read by its judge, and what the judge says of them. The verdicts are the rules engine's own
/// (a simulation of the same records), so the explanation never disagrees with the violations. On our rules engine each
/// period also carries the rule node by node for its due (<see cref="PeriodExplanation.Nodes"/>, from the engine's own
/// explain), so "which condition held" is the engine's answer, not a second account of the rule.
/// </summary>
public static class RequirementExplainer
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Explains <paramref name="requirementId"/> on <paramref name="records"/> at <paramref name="at"/>.</summary>
    /// <param name="rules">The unit's compiled rules.</param>
    /// <param name="requirementId">A requirement id of the plan (<c>weekly-study:period-minimum</c>).</param>
    /// <param name="records">The unit's records.</param>
    /// <param name="at">The moment; null for the end of the campaign.</param>
    /// <param name="unit">The unit the records are of; by default the plan's (a template's units each have their own id).</param>
    /// <exception cref="KeyNotFoundException">The plan has no such requirement.</exception>
    /// <exception cref="NotSupportedException">The requirement is over the units below (<c>acrossUnits</c>): it is judged on their records, not the unit's.</exception>
    public static RequirementExplanation Explain(ComplianceRules rules, string requirementId, IReadOnlyCollection<UnitRecord> records, DateTimeOffset? at = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(records);
        var judge = rules.Judges.TryGetValue(requirementId, out var own) ? own : throw new KeyNotFoundException(requirementId);
        var requirement = judge.Requirement;
        if (requirement.Across is not null || judge.ReadsOtherUnits)
        {
            throw new NotSupportedException($"'{requirementId}' is judged on the records of the units below; explain it on each of them");
        }

        var simulated = Simulator.Run(rules, records, at, unit);
        var violations = simulated.Violations.Where(v => v.RequirementId == requirementId).ToArray();
        var pending = simulated.Pending.Where(d => d.RequirementId == requirementId).Select(d => (d.Period, d.Target)).ToHashSet();
        // The records the simulation fed the rules: those whose day had begun, in the plan's time zone, by the moment asked.
        var zone = CampaignFlow.Plans.Zones.PlanTimeZone.Of(rules.Plan.TimeZone);
        var known = records.Where(r => StartOf(r.Day, zone) < simulated.At).ToArray();
        var subject = known.Where(r => SubjectRecords.Is(r, requirement.Subject) || (requirement.Subject.Kind == SubjectKind.Span && r is ActivityRecord))
            .OrderBy(r => r.Day).ThenBy(r => r.Key, StringComparer.Ordinal).ToArray();

        var trace = NodeTrace(rules, judge, known, pending, unit ?? rules.Plan.Unit.Id);
        var periods = new List<PeriodExplanation>();
        foreach (var due in rules.Schedule.Where(d => d.RequirementId == requirementId))
        {
            // A judge of each record (a ledger's items) opens one violation per record it finds wanting.
            var found = violations.Where(v => v.Period == due.Period && v.Target == due.Target).ToArray();
            var wanting = found.Select(v => v.Record).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var status = pending.Contains((due.Period, due.Target)) ? "pending" : found.Length == 0 ? "met" : "violated";
            var checks = subject.Where(r => Within(r, due.Start, due.End))
                .Select(r => Checked(r, wanting.Contains(r.Key) ? "violated" : Outcome(judge, r, due.Target, known), requirement))
                .ToArray();
            periods.Add(new PeriodExplanation(due.Period, due.Target, due.Start, due.End, status,
                found.Select(v => new ViolationFound(v.Id, v.Record, v.Message(Chinese), v.Message(English), v.Evidence)).ToArray(), checks)
            {
                Nodes = trace?.Invoke(due),
            });
        }

        // A re-work due on a day a reviewer set is judged in a period of its own, which no schedule lists.
        foreach (var group in violations.Where(v => RunTimeDeadline.IsLabel(v.Period)).GroupBy(v => (v.Period, v.Target)))
        {
            var first = group.First();
            periods.Add(new PeriodExplanation(first.Period, first.Target, first.PeriodStart, first.PeriodEnd, "violated",
                group.Select(v => new ViolationFound(v.Id, v.Record, v.Message(Chinese), v.Message(English), v.Evidence)).ToArray(), []));
        }

        var outside = subject.Where(r => !rules.Schedule.Any(d => d.RequirementId == requirementId && Within(r, d.Start, d.End)))
            .Select(r => new RecordCheck(r.Key, r.Day, "outside-periods")).ToArray();
        return new RequirementExplanation(requirementId,
            PlanResolver.Describe(requirement, rules.Plan, Chinese), PlanResolver.Describe(requirement, rules.Plan, English),
            simulated.At, periods, outside)
        {
            NodeByNode = trace is not null,
            Engine = rules.Network.Engine.Name,
        };
    }

    // The rule's own nodes for each period's due, from a session of our engine holding what the simulation's did at the
    // moment asked: the unit's records and the dues of the periods closed by then. Which records and dues are in
    // working memory is all that decides a match, not the order they came in. NRules has no such explanation: null.
    private static Func<DuePeriod, IReadOnlyList<RuleNodeCheck>>? NodeTrace(ComplianceRules rules, RequirementJudge judge, IReadOnlyCollection<UnitRecord> known, HashSet<(string Period, string? Target)> pending, string unit)
    {
        if (rules.Network is not ReteComplianceNetwork rete)
        {
            return null;
        }

        var requirementId = judge.Requirement.Id;
        var session = rete.Factory.CreateSession();
        var closed = new Dictionary<DuePeriod, Due>();
        foreach (var period in rules.Schedule.Where(d => d.RequirementId == requirementId && !pending.Contains((d.Period, d.Target))))
        {
            closed[period] = period.For(unit, judge);
        }

        // A key recorded twice counts once, the first by day, as the unit's compliance keeps it.
        session.InsertAll([.. known.Where(r => r.Unit == unit).OrderBy(r => r.Day).DistinctBy(r => r.Key), .. closed.Values]);
        return period => RuleNodeCheck.From(session.Explain(requirementId, closed.GetValueOrDefault(period) ?? period.For(unit, judge)));
    }

    // A record its where turned away says which part of the where, so an author sees the sub-condition, not only "no".
    private static RecordCheck Checked(UnitRecord record, string outcome, Requirement requirement) => new(record.Key, record.Day, outcome)
    {
        Failed = outcome == "where-not-matched" && record is ActivityRecord activity ? requirement.Matching.Failing(activity.Attributes) : null,
    };

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private static bool Within(UnitRecord record, DateOnly start, DateOnly end) =>
        record is ActivityRecord activity ? activity.Within(start, end) : record.Day >= start && record.Day <= end;

    // The rule's conditions in the order it tests them: the subject's attributes, then whose it is (as the judges
    // match records to targets), then the judge.
    private static string Outcome(RequirementJudge judge, UnitRecord record, string? target, IReadOnlyCollection<UnitRecord> records)
    {
        var requirement = judge.Requirement;
        if (record is ActivityRecord activity && requirement.Subject.Kind == SubjectKind.Activity && !activity.Matches(requirement.Matching))
        {
            return "where-not-matched";
        }

        // A group is the target of a body's requirement per supervision group: its units' records, not the body's own.
        if (target is not null && requirement.Scope != Scope.Unit && !judge.Owns(record, target, records))
        {
            return "other-target";
        }

        return judge.IsRelevant(record) ? "counted" : "not-relevant";
    }
}
