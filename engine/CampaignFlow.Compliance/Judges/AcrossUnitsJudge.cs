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

        var met = new List<string>();
        var behind = new List<string>();
        foreach (var unit in counted)
        {
            var mine = byUnit.GetValueOrDefault(unit.Id) ?? [];
            // What a unit lacks is written out only for the units named: a province's thousands behind are counted.
            if (Meets(due, unit, mine, bodyDay, describe: behind.Count < UnitsNamed, out var lack))
            {
                met.Add(unit.Id);
            }
            else
            {
                behind.Add(lack is null ? unit.Id : $"{unit.Name}（{unit.Id}）：{lack}");
            }
        }

        // 100% is every unit, said as such.
        var every = _across.Share is not { } share || share.Value >= 1;
        var enough = every ? behind.Count == 0 : _across.Share!.IsReachedBy(met.Count, counted.Length);
        if (enough)
        {
            return null;
        }

        var missing = behind.Take(UnitsNamed).ToList();
        if (behind.Count > UnitsNamed)
        {
            missing.Add($"…（+{behind.Count - UnitsNamed}）");
        }

        var required = _across.Share?.Text ?? "100%";
        return Violate(due, every ? "across-units-behind" : "across-units-share-short",
            new Evidence(met.Take(UnitsNamed).ToArray(), missing, $"{met.Count}/{counted.Length}", required),
            Title, $"{met.Count}", $"{counted.Length}", $"{behind.Count}", required);
    }

    /// <summary>True when the unit meets the requirement; otherwise, when <paramref name="describe"/>, what it lacks in Chinese as auditors read it.</summary>
    private bool Meets(Due due, UnitBelow unit, UnitRecord[] records, DateOnly? bodyDay, bool describe, out string? lack)
    {
        lack = null;

        // The unit's own period: the unit as a whole, whatever group the body's period is for.
        if (inner.Judge(due with { Unit = unit.Id, Target = null, Judge = null }, records) is { } verdict)
        {
            lack = describe ? verdict.Message(Chinese) : null;
            return false;
        }

        if (bodyDay is not { } after)
        {
            return true;
        }

        var last = DateOnly.FromDateTime(_across.AfterBody!.AddTo(new DateTimeOffset(after.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).DateTime);
        if (records.Any(r => SubjectRecords.Is(r, Requirement.Subject) && r.Day >= after && r.Day <= last))
        {
            return true;
        }

        lack = describe ? ViolationMessages.Templates.Format("across-not-after-body", [ChineseArguments.Chinese(after), _across.AfterBody.Text], Chinese) : null;
        return false;
    }
}
