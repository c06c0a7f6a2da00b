using CampaignFlow.Bench.Units;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// Generates each unit's activity log the way the seed's unit logs (definitions/activities/units/) are shaped: the
/// first link's mandated actions of 魏都区委's plan inside the link's window — four mass evaluations, one per
/// participant group (WD-05); a visit to a contact point where WD-06 binds the kind; a base visit (WD-08); a revisit
/// (WD-07) — then, after the link, further visits and revisits spread over the campaign, one of them in August or
/// September so the unit's activities span the 3 months WD-02 asks for. A share of units (<c>--gaps</c>) miss one
/// requirement: half never make it up, half make the record inside the window but post it weeks after it closed.
/// Deterministic: each unit's log depends only on the seed and the unit's number.
/// </summary>
internal static class CampaignLogs
{
    /// <summary>WD-05's participant groups, in the order of 魏都区委's plan.</summary>
    public static readonly string[] Groups = ["机关党员干部", "基层单位", "服务对象", "群众代表"];

    /// <summary>Education bases a unit visits (WD-08 names 焦裕禄纪念馆 “等”).</summary>
    public static readonly string[] Bases = ["焦裕禄纪念馆", "红旗渠纪念馆", "许昌市廉政教育基地"];

    /// <summary>The kinds WD-06's visits to contact points bind (the action's <c>appliesTo</c>).</summary>
    public static readonly HashSet<string> ContactPointKinds = ["district-organs", "law-enforcement-windows", "street"];

    /// <summary>The kinds 魏都区委's own requirement over its units counts for WD-06 (<c>acrossUnits: { kinds }</c>).</summary>
    public static readonly HashSet<string> DistrictContactPointKinds = ["district-organs", "street"];

    /// <summary>The kind of 魏都区委 itself.</summary>
    public const string DistrictKind = "district-committee";

    // The grassroots template's first link runs 4月-5月底, the organs' and streets' 3月中旬-5月底 (and the district's
    // the whole 3月-9月): the required records fall a few days inside, so a 中旬 read either way keeps them in.
    private static readonly HashSet<string> GrassrootsKinds = ["community", "non-public-enterprise", "social-organisation", "school"];
    private static readonly DateOnly EarlyStart = new(2014, 3, 21);
    private static readonly DateOnly GrassrootsStart = new(2014, 4, 3);
    private static readonly DateOnly LinkEnd = new(2014, 5, 25);
    private static readonly DateOnly AfterLink = new(2014, 6, 2);
    private static readonly DateOnly SpanFrom = new(2014, 8, 4);
    private static readonly DateOnly SpanTo = new(2014, 9, 26);

    /// <summary>The logs of 魏都区委 (first, never with a gap) and of <paramref name="units"/>.</summary>
    public static IEnumerable<UnitLog> Generate(IEnumerable<TreeUnit> units, double gaps, double extraPerWeek, int seed, CampaignCalendar calendar)
    {
        yield return Log(TreeUnits.DistrictUnitId, DistrictKind, 0, gapped: false, extraPerWeek, seed, calendar);
        foreach (var unit in units)
        {
            // Whether a unit has a gap is drawn apart from its log, so --gaps changes which units miss, not the rest.
            var gapped = new Random(Mix(seed, unit.Number, 1)).NextDouble() < gaps;
            yield return Log(unit.Id, unit.Kind, unit.Number, gapped, extraPerWeek, seed, calendar);
        }
    }

    private static UnitLog Log(string unitId, string kind, int number, bool gapped, double extraPerWeek, int seed, CampaignCalendar calendar)
    {
        var random = new Random(Mix(seed, number, 2));
        var records = new List<PlannedRecord>(24);
        var ordinals = new short[4];
        void Add(DateOnly day, RecordKind what, byte attribute, int? postWeek = null) =>
            records.Add(new PlannedRecord(day, what, ++ordinals[(int)what], attribute, (short)(postWeek ?? calendar.WeekOf(day))));

        var start = GrassrootsKinds.Contains(kind) ? GrassrootsStart : EarlyStart;
        var contactPoint = ContactPointKinds.Contains(kind);
        UnitGap? gap = null;
        if (gapped)
        {
            string[] missable = contactPoint ? ["mass-evaluation", "contact-point-opinions", "base-visits", "revisit"] : ["mass-evaluation", "base-visits", "revisit"];
            gap = new UnitGap(missable[random.Next(missable.Length)], Late: random.Next(2) == 0);
        }

        // A late record is made in time and posted one to three weeks after the link closed (5月31日).
        int? Posted(string actionId) => gap is { Late: true } && gap.ActionId == actionId ? calendar.WeekOf(AfterLink) + random.Next(1, 4) : null;
        bool Missing(string actionId) => gap is { Late: false } && gap.ActionId == actionId;

        // Four mass evaluations a few days apart; a short unit leaves one group out.
        var evaluation = Day(random, start, LinkEnd.AddDays(-20));
        var shortGroup = gap?.ActionId == "mass-evaluation" ? random.Next(Groups.Length) : -1;
        for (var group = 0; group < Groups.Length; group++)
        {
            if (group != shortGroup || gap!.Late)
            {
                Add(evaluation, RecordKind.MassEvaluation, (byte)group, group == shortGroup ? Posted("mass-evaluation") : null);
            }

            evaluation = evaluation.AddDays(random.Next(1, 6));
        }

        if (contactPoint && !Missing("contact-point-opinions"))
        {
            Add(Day(random, start, LinkEnd), RecordKind.ContactPoint, 0, Posted("contact-point-opinions"));
        }

        if (!Missing("base-visits"))
        {
            Add(Day(random, start, LinkEnd), RecordKind.BaseVisit, 0, Posted("base-visits"));
        }

        if (!Missing("revisit"))
        {
            Add(Day(random, start, LinkEnd), RecordKind.Revisit, 0, Posted("revisit"));
        }

        // After the link: visits and revisits, about extraPerWeek a week, and one late enough for WD-02's span. A unit
        // that never makes up its gap never does that activity at all: 魏都区委's requirements over its units count the
        // whole campaign, so a visit to a contact point in July would meet the district's WD-06 for it.
        RecordKind[] later = [.. new[] { RecordKind.ContactPoint, RecordKind.BaseVisit, RecordKind.Revisit }.Where(k => !Missing(ActionOf(k)))];
        for (var monday = AfterLink; monday <= CampaignCalendar.CampaignEnd; monday = monday.AddDays(7))
        {
            var count = (int)extraPerWeek + (random.NextDouble() < extraPerWeek - (int)extraPerWeek ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                var day = monday.AddDays(random.Next(7));
                if (day <= CampaignCalendar.CampaignEnd)
                {
                    var what = later[random.Next(later.Length)];
                    Add(day, what, what == RecordKind.BaseVisit ? (byte)random.Next(Bases.Length) : (byte)0);
                }
            }
        }

        Add(Day(random, SpanFrom, SpanTo), Missing("revisit") ? RecordKind.BaseVisit : RecordKind.Revisit, 0);
        return new UnitLog(unitId, kind, records.OrderBy(r => r.PostWeek).ThenBy(r => r.Day).ToArray(), gap);
    }

    // The action of 魏都区委's plan an activity meets.
    private static string ActionOf(RecordKind kind) => kind switch
    {
        RecordKind.MassEvaluation => "mass-evaluation",
        RecordKind.ContactPoint => "contact-point-opinions",
        RecordKind.BaseVisit => "base-visits",
        _ => "revisit",
    };

    private static DateOnly Day(Random random, DateOnly from, DateOnly to) => from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    // A seed per unit and purpose that does not depend on the process (string.GetHashCode does).
    private static int Mix(int seed, int number, int purpose) => unchecked((seed * 1_000_003) ^ (number * 7919) ^ (purpose * 104_729));
}
