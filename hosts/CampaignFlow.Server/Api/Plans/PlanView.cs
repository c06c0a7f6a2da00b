using System.Globalization;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Api.PlanLifecycle;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Api.Plans;

/// <summary>A plan as it runs: windows as dates, every requirement described in both languages.</summary>
/// <param name="Id">The plan id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Title">Its title.</param>
/// <param name="Unit">The unit's id.</param>
/// <param name="UnitName">The unit's name.</param>
/// <param name="Body">The body above the unit.</param>
/// <param name="Inherits">The plan whose mandated actions it keeps.</param>
/// <param name="Supervisor">The supervision group.</param>
/// <param name="Start">The campaign's first day.</param>
/// <param name="End">Its last day.</param>
/// <param name="TimeZone">The plan's time zone.</param>
/// <param name="WorkdayHours">Hours in a working day (半天 is half).</param>
/// <param name="File">Where it is written.</param>
/// <param name="Phases">Its phases, in order, with sub-phases.</param>
/// <param name="Actions">Its actions with their requirements.</param>
public sealed record PlanView(
    string Id, int Version, string Title, string Unit, string UnitName, string? Body, string? Inherits, string? Supervisor,
    DateOnly Start, DateOnly End, string TimeZone, decimal WorkdayHours, string File, IReadOnlyList<PlanView.Phase> Phases, IReadOnlyList<PlanView.Action> Actions)
{
    /// <summary>
    /// Every version of the plan with where it stands and its steps, with who and when: versions the folder published
    /// (one step by <c>definitions/</c>) and versions written through the API, from draft to publication.
    /// </summary>
    public IReadOnlyList<PlanVersionHistoryView> History { get; init; } = [];

    /// <summary>A phase.</summary>
    /// <param name="Id">Its id.</param>
    /// <param name="Title">Its title.</param>
    /// <param name="Start">First day.</param>
    /// <param name="End">Last day.</param>
    /// <param name="Phases">Sub-phases.</param>
    public sealed record Phase(string Id, string Title, DateOnly Start, DateOnly End, IReadOnlyList<Phase> Phases);

    /// <summary>An action.</summary>
    /// <param name="Id">Its id.</param>
    /// <param name="Title">Its title.</param>
    /// <param name="PhaseId">Its phase, or null when campaign-wide.</param>
    /// <param name="Start">First day it applies.</param>
    /// <param name="End">Last day.</param>
    /// <param name="DefinedIn">The plan that wrote it.</param>
    /// <param name="Requirements">What is checked.</param>
    public sealed record Action(string Id, string Title, string? PhaseId, DateOnly Start, DateOnly End, string DefinedIn, IReadOnlyList<Requirement> Requirements);

    /// <summary>A requirement.</summary>
    /// <param name="Id">Its id (violations name it).</param>
    /// <param name="Kind">Its kind.</param>
    /// <param name="Severity">required or soft.</param>
    /// <param name="Start">First day judged.</param>
    /// <param name="End">Last day.</param>
    /// <param name="Source">The seed sentences it encodes.</param>
    /// <param name="Description">In the caller's language.</param>
    /// <param name="DescriptionZh">In Chinese.</param>
    /// <param name="DescriptionEn">In English.</param>
    public sealed record Requirement(string Id, string Kind, string Severity, DateOnly Start, DateOnly End, IReadOnlyList<string> Source, string Description, string DescriptionZh, string DescriptionEn);

    /// <summary>The view of <paramref name="plan"/>.</summary>
    /// <param name="plan">The resolved plan.</param>
    /// <param name="culture">The caller's language.</param>
    public static PlanView Of(ResolvedPlan plan, CultureInfo culture) => new(
        plan.Id, plan.Version, plan.Title, plan.Unit.Id, plan.Unit.Name, plan.Unit.Parent, plan.Inherits, plan.Supervisor,
        plan.Window.Start, plan.Window.End, plan.TimeZone, plan.WorkdayHours, plan.File.Replace('\\', '/'),
        plan.Phases.Select(PhaseOf).ToArray(),
        plan.Actions.Select(a => new Action(
            a.Id, a.Title, a.PhaseId, a.Window.Start, a.Window.End, a.DefinedIn,
            a.Requirements.Select(r => new Requirement(
                r.Id, r.Kind.ToString(), r.Severity.ToString().ToLowerInvariant(), r.Window.Start, r.Window.End, r.Source,
                PlanResolver.Describe(r, culture), PlanResolver.Describe(r, ApiLanguage.Chinese), PlanResolver.Describe(r, ApiLanguage.English))).ToArray()))
            .ToArray());

    private static Phase PhaseOf(ResolvedPhase phase) =>
        new(phase.Id, phase.Title, phase.Window.Start, phase.Window.End, phase.Links.Select(PhaseOf).ToArray());
}
