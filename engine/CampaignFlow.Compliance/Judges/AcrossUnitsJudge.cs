using System.Globalization;
using CampaignFlow.Compliance.Bodies;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// A body's requirement over the units below it (各单位都要…; 80%以上的单位…; 在区委之后10天内…): each unit counted is
/// judged by the requirement's own judge on that unit's records, as if the requirement were the unit's, and the
/// body's period is violated when too few of them meet it. The evidence names the units behind and what each lacks.
/// </summary>
/// <remarks>
/// The session of a body holds the relevant records of its units beside its own (<see cref="RequirementJudge.ReadsOtherUnits"/>),
/// so one judging reads them all: a late record of any unit re-judges the body's closed periods and may resolve them.
/// </remarks>
internal sealed class AcrossUnitsJudge(RequirementJudge inner, Requirement requirement, JudgeContext context) : RequirementJudge(requirement, context)
{
    // Evidence is stored with the violation and re-written on every change: a province's thousands of units behind
    // are counted, and the first of them named.
    private const int UnitsNamed = 100;
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private readonly AcrossUnits _across = requirement.Across!;

    public override bool ReadsOtherUnits => true;

    // A unit's record re-judges only the period it falls in when the inner judge reads only its period, unless the
    // body's own first record (which may lie in another period) is the start of the units' time.
    public override bool ReadsOnlyItsPeriod => _across.AfterBody is null && inner.ReadsOnlyItsPeriod;

    public override string RelevanceKey => $"across|{inner.RelevanceKey}";

    public override bool IsRelevant(UnitRecord record) => inner.IsRelevant(record);

    public override Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records)
    {
        // Per group, the due's target is the group: its units are counted.
        var counted = Context.UnitsBelow.Where(u => _across.Counts(u.Kind) && (due.Target is null || u.Group?.Id == due.Target)).ToArray();
        if (counted.Length == 0)
        {
            return null;
        }

        var byUnit = records.GroupBy(r => r.Unit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        DateOnly? bodyDay = null;
        if (_across.AfterBody is not null)
        {
            // The body's own record of the subject: not of another action the requirement is ordered after or gates.
            bodyDay = byUnit.GetValueOrDefault(due.Unit)?.Where(r => SubjectRecords.Is(r, Requirement.Subject)).Select(r => (DateOnly?)r.Day).Min();
            if (bodyDay is null)
            {
                return Violate(due, "across-body-missing", new Evidence([], [Title], null, null), Title);
            }
        }

        return _across.Members is { } members
            ? JudgeMembers(due, counted, byUnit, bodyDay, members)
            : JudgeUnits(due, counted, byUnit, bodyDay);
    }

    private Violation? JudgeUnits(Due due, UnitBelow[] counted, Dictionary<string, UnitRecord[]> byUnit, DateOnly? bodyDay)
    {
        var met = new List<string>();
        var behind = new List<string>();
        foreach (var unit in counted)
        {
            var mine = byUnit.GetValueOrDefault(unit.Id) ?? [];
            // What a unit lacks is written out only for the units named: a province's thousands behind are counted.
            if (Meets(due, unit.Id, null, mine, bodyDay, describe: behind.Count < UnitsNamed, out var lack))
            {
                met.Add(unit.Id);
            }
            else
            {
                behind.Add(lack is null ? unit.Id : $"{unit.Name}（{unit.Id}）：{lack}");
            }
        }

        return Verdict(due, met, behind.Count, behind, counted.Length, "across-units-behind", "across-units-share-short");
    }

    // Each member of the units' rosters the filter picks is judged as a person of its unit; the units without a roster
    // have no members to count. The evidence names, per unit behind, the members who have not done it.
    private Violation? JudgeMembers(Due due, UnitBelow[] counted, Dictionary<string, UnitRecord[]> byUnit, DateOnly? bodyDay, MemberFilter members)
    {
        var met = new List<string>();
        var behindUnits = new List<string>();
        var behind = 0;
        var total = 0;
        foreach (var unit in counted)
        {
            var mine = byUnit.GetValueOrDefault(unit.Id) ?? [];
            var missing = new List<string>();
            foreach (var person in unit.Members.Where(m => members.Selects(m.Roles, m.Rank)))
            {
                total++;
                if (Meets(due, unit.Id, person.Id, mine, bodyDay, describe: false, out _))
                {
                    met.Add($"{unit.Id}/{person.Id}");
                }
                else
                {
                    missing.Add(person.Name);
                }
            }

            if (missing.Count > 0)
            {
                behind += missing.Count;
                behindUnits.Add($"{unit.Name}（{unit.Id}）：{string.Join("、", missing)}");
            }
        }

        return total == 0 ? null : Verdict(due, met, behind, behindUnits, total, "across-members-behind", "across-members-share-short");
    }

    private Violation? Verdict(Due due, List<string> met, int behind, List<string> behindNamed, int total, string everyCode, string shareCode)
    {
        // 100% is every one, said as such.
        var every = _across.Share is not { } share || share.Value >= 1;
        var enough = every ? behind == 0 : _across.Share!.IsReachedBy(met.Count, total);
        if (enough)
        {
            return null;
        }

        var missing = behindNamed.Take(UnitsNamed).ToList();
        if (behindNamed.Count > UnitsNamed)
        {
            missing.Add($"…（+{behindNamed.Count - UnitsNamed}）");
        }

        var required = _across.Share?.Text ?? "100%";
        return Violate(due, every ? everyCode : shareCode,
            new Evidence(met.Take(UnitsNamed).ToArray(), missing, $"{met.Count}/{total}", required),
            Title, $"{met.Count}", $"{total}", $"{behind}", required);
    }

    /// <summary>
    /// True when the unit (or, with a <paramref name="target"/>, one of its members) meets the requirement; otherwise,
    /// when <paramref name="describe"/>, what it lacks in Chinese as auditors read it.
    /// </summary>
    private bool Meets(Due due, string unit, string? target, UnitRecord[] records, DateOnly? bodyDay, bool describe, out string? lack)
    {
        lack = null;

        // The unit's own period: the unit as a whole (or its member), whatever group the body's period is for.
        if (inner.Judge(due with { Unit = unit, Target = target, Judge = null }, records) is { } verdict)
        {
            lack = describe ? verdict.Message(Chinese) : null;
            return false;
        }

        if (bodyDay is not { } after)
        {
            return true;
        }

        var last = _across.AfterBody!.LastDayAfter(after, Context.Plan.WorkingCalendar);
        if (records.Any(r => SubjectRecords.Is(r, Requirement.Subject) && (target is null || inner.Owns(r, target, records)) && r.Day >= after && r.Day <= last))
        {
            return true;
        }

        lack = describe ? ViolationMessages.Templates.Format("across-not-after-body", [ChineseArguments.Chinese(after), _across.AfterBody.Text], Chinese) : null;
        return false;
    }
}
