using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// A plan as the engine checks it: inheritance applied, every period in dates, every amount in hours or counts,
/// every action resolved to typed requirements.
/// </summary>
public sealed record ResolvedPlan
{
    /// <summary>The plan id.</summary>
    public required string Id { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The version.</summary>
    public required int Version { get; init; }

    /// <summary>The file it was read from.</summary>
    public required string File { get; init; }

    /// <summary>The parent plan's id, if any.</summary>
    public string? Inherits { get; init; }

    /// <summary>
    /// The unit. A template's is a stand-in (its id the plan's, its kind the first it applies to, its parent the
    /// body); each unit that runs it gets the plan naming itself from <see cref="ResolvedTemplate.ForUnit"/>.
    /// </summary>
    public required ResolvedUnit Unit { get; init; }

    /// <summary>The kinds of unit below a body that run this plan, when it is a template; null for a unit's plan.</summary>
    public ResolvedTemplate? Template { get; init; }

    /// <summary>The supervision group's name, if any.</summary>
    public string? Supervisor { get; init; }

    /// <summary>The campaign year.</summary>
    public required int Year { get; init; }

    /// <summary>The campaign window.</summary>
    public required DateWindow Window { get; init; }

    /// <summary>The IANA time zone of the plan's dates.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Hours in a working day.</summary>
    public required decimal WorkdayHours { get; init; }

    /// <summary>What 1天, 半天 and 学时 are worth in hours (by default 半天 is half of <see cref="WorkdayHours"/>, and no 学时).</summary>
    public WorkingHours WorkingHours
    {
        get => _workingHours ?? WorkingHours.OfDay(WorkdayHours);
        init => _workingHours = value;
    }

    private readonly WorkingHours? _workingHours;

    /// <summary>
    /// Which days are working days (<c>5个工作日内</c>): Monday to Friday without the statutory holidays, with the
    /// 调休 weekend days, for the years the plan's holidays (or its parent's) list; Monday to Friday without any.
    /// </summary>
    public WorkingCalendar WorkingCalendar { get; init; } = WorkingCalendar.WeekendsOnly;

    /// <summary>True when a weekly minimum leaves out a week in which nobody works (<c>calendar.holidayWeeks: skipped</c>).</summary>
    public bool SkipsHolidayWeeks { get; init; }

    /// <summary>The words records and requirements may use.</summary>
    public required Vocabulary Vocabulary { get; init; }

    /// <summary>The unit's people.</summary>
    public required Roster Roster { get; init; }

    /// <summary>The focus problems of this unit (its own and its kind's from the parent).</summary>
    public required IReadOnlyList<string> Focus { get; init; }

    /// <summary>The phases, in order, with their links.</summary>
    public required IReadOnlyList<ResolvedPhase> Phases { get; init; }

    /// <summary>Every phase and link, in plan order, each before its links.</summary>
    public IEnumerable<ResolvedPhase> AllPhases => Phases.SelectMany(p => p.WithLinks());

    /// <summary>Every action, in plan order (phase actions first, then campaign-wide ones).</summary>
    public required IReadOnlyList<ResolvedAction> Actions { get; init; }

    /// <summary>Every requirement of every action.</summary>
    public IEnumerable<Requirement> Requirements => Actions.SelectMany(a => a.Requirements);
}
