using System.CommandLine;
using System.Globalization;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Comparison;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow show PLAN [--definitions DIR]</c>: the plan as the engine will check it — every period as dates (ISO
/// in English, 2014年2月11日 in Chinese), every amount in hours or counts, every action's requirements. A plan id is
/// looked up in <c>--definitions</c>; a plan file that inherits finds its parent there when the option is given
/// (before the file's own folder), else beside it, as <c>validate</c> does.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var plan = new Argument<string>("plan");
        var definitions = new Option<string>("--definitions") { DefaultValueFactory = _ => "definitions" };
        var lang = Language.CreateOption();
        var command = new Command("show") { plan, definitions, lang };
        command.SetAction(parsed =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            var wanted = parsed.GetValue(plan)!;
            var catalog = DefinitionsOption.Load(parsed, definitions, wanted);
            var resolved = catalog.Find(wanted);
            if (resolved is null)
            {
                foreach (var diagnostic in catalog.Diagnostics.Where(d => d.Severity == Plans.Diagnostics.DiagnosticSeverity.Error))
                {
                    error.WriteLine(diagnostic.ToString(culture));
                }

                error.WriteLine(catalog.HasErrors
                    ? CliMessages.Text("plan-has-errors", culture, wanted)
                    : CliMessages.Text("no-plan", culture, wanted, parsed.GetValue(definitions)!));
                return 1;
            }

            Write(resolved, ParentName(catalog, resolved), output, culture);
            return 0;
        });
        return command;
    }

    // A parent body is said by the name the organisation files or its own plan give it — a plan file shown alone finds
    // the organisation files beside it, as it finds its parent plan there; a body nothing names is said as an id (and
    // `validate` of the folder warns unnamed-body), so that a reader does not take the id for a name.
    private static string? ParentName(PlanCatalog catalog, ResolvedPlan plan) =>
        (plan.Template?.Body ?? plan.Unit.Parent) is not { } parent ? null
            : catalog.Organisation.Find(parent)?.Name
                ?? catalog.Plans.Values.FirstOrDefault(p => p.Template is null && p.Unit.Id == parent)?.Unit.Name
                ?? NamedBeside(plan.File, parent);

    // The organisation files of the plan's folder and the folders just below it (definitions/organisation/), not
    // deeper: a plan kept in /tmp must not send this through every folder there.
    private static string? NamedBeside(string planFile, string body)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(planFile)) is not { } folder || !Directory.Exists(folder))
        {
            return null;
        }

        var ignored = new DiagnosticBag();
        return Directory.EnumerateDirectories(folder).Prepend(folder)
            .SelectMany(d => Directory.EnumerateFiles(d).Where(OrganisationReader.IsOrganisationFile).Order(StringComparer.Ordinal))
            .SelectMany(f => OrganisationReader.ReadFile(f, ignored))
            .FirstOrDefault(u => u.Id == body)?.Name;
    }

    private static void Write(ResolvedPlan plan, string? parentName, TextWriter output, CultureInfo culture)
    {
        string T(string code, params string[] values) => CliMessages.Text(code, culture, values);
        var chinese = MessageTemplates.IsChinese(culture);
        output.WriteLine(T("show-plan", plan.Id, CliMessages.N(plan.Version), plan.Title));
        if (plan.Template is { } template)
        {
            // A template's unit is a stand-in named after the plan: what it says is the kinds and the body.
            output.WriteLine(T("show-template", string.Join(T("show-list"), template.AppliesTo.Select(k => UnitKind(plan, k, chinese))))
                + (parentName is null ? T("show-unit-under-id", template.Body) : T("show-unit-under", template.Body, parentName)));
        }
        else
        {
            output.WriteLine(T("show-unit", plan.Unit.Id, plan.Unit.Name)
                + (plan.Unit.Kind is { } kind ? T("show-unit-kind", UnitKind(plan, kind, chinese)) : "")
                + (plan.Unit.Parent is { } parent ? parentName is null ? T("show-unit-under-id", parent) : T("show-unit-under", parent, parentName) : ""));
        }

        if (plan.Inherits is not null)
        {
            output.WriteLine(T("show-inherits", plan.Inherits));
        }

        if (plan.Supervisor is not null)
        {
            output.WriteLine(T("show-supervisor", plan.Supervisor));
        }

        output.WriteLine(T("show-campaign", Window(plan.Window, culture), CliMessages.N(plan.Window.Days), CliMessages.N(plan.Year),
            plan.TimeZone == CampaignFlow.Plans.Zones.PlanTimeZone.Beijing ? T("show-zone-beijing") : T("show-zone", plan.TimeZone),
            plan.WorkdayHours.ToString("0.##", CultureInfo.InvariantCulture)));
        WriteHolidays(plan, output, culture);
        output.WriteLine(T("show-roster", CliMessages.N(plan.Roster.People.Count), CliMessages.N(plan.Roster.Branches.Count), CliMessages.N(plan.Roster.Departments.Count)));
        foreach (var focus in plan.Focus)
        {
            output.WriteLine(T("show-focus", focus));
        }

        output.WriteLine();
        output.WriteLine(T("show-phases"));
        foreach (var phase in plan.Phases)
        {
            WritePhase(plan, phase, output, culture, "  ");
        }

        var campaignWide = plan.Actions.Where(a => a.PhaseId is null).ToArray();
        if (campaignWide.Length > 0)
        {
            output.WriteLine();
            output.WriteLine(T("show-campaign-wide", Window(plan.Window, culture)));
            foreach (var action in campaignWide)
            {
                WriteAction(plan, action, output, culture, "    ");
            }
        }

        var requirements = plan.Requirements.ToArray();
        output.WriteLine();
        output.WriteLine(T("show-totals", CliMessages.N(plan.Actions.Count), CliMessages.N(requirements.Length), string.Join(T("show-list"),
            requirements.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => T("show-kind-count", PlanResolver.KindName(g.Key, culture), CliMessages.N(g.Count()))))));
    }

    // The holidays the plan's working days follow (its own or its parent's), the ones that fall in its campaign by
    // name, and how a week nobody works in is judged: what 工作日 and every weekly minimum of the plan rest on.
    private static void WriteHolidays(ResolvedPlan plan, TextWriter output, CultureInfo culture)
    {
        string T(string code, params string[] values) => CliMessages.Text(code, culture, values);
        var calendar = plan.WorkingCalendar;
        var weeks = HolidayWords.Weeks(plan.SkipsHolidayWeeks, culture);
        if (calendar.Years.Count == 0)
        {
            output.WriteLine(T("show-holidays-none", weeks));
            return;
        }

        var inCampaign = HolidayWords.In(calendar, plan.Window).Select(h => HolidayWords.Of(h, culture)).ToArray();
        output.WriteLine(T("show-holidays", calendar.File ?? T("show-holidays-inline"), string.Join(T("show-list"), calendar.Years.Select(CliMessages.N)),
            inCampaign.Length == 0 ? T("show-holidays-none-in-campaign") : string.Join(T("show-list"), inCampaign), weeks));
    }

    private static void WritePhase(ResolvedPlan plan, ResolvedPhase phase, TextWriter output, CultureInfo culture, string indent)
    {
        output.WriteLine($"{indent}{phase.Id,-16} {Window(phase.Window, culture)}  {phase.Title}{Sources(phase.Source)}");
        foreach (var action in plan.Actions.Where(a => a.PhaseId == phase.Id))
        {
            WriteAction(plan, action, output, culture, indent + "    ");
        }

        foreach (var link in phase.Links)
        {
            WritePhase(plan, link, output, culture, indent + "  ");
        }
    }

    private static void WriteAction(ResolvedPlan plan, ResolvedAction action, TextWriter output, CultureInfo culture, string indent)
    {
        output.WriteLine($"{indent}{action.Id}  {action.Title}{Sources(action.Source)}");
        foreach (var requirement in action.Requirements)
        {
            var window = requirement.Window == action.Window ? "" : $"  [{Window(requirement.Window, culture)}]";
            output.WriteLine($"{indent}  - {DisplayWidth.PadRight(PlanResolver.KindName(requirement.Kind, culture), 26)} {PlanResolver.Describe(requirement, plan, culture)}"
                + $"{Scope(plan, requirement, culture)}{window}{(requirement.Severity == Plans.Requirements.Severity.Soft ? CliMessages.Text("show-soft", culture) : "")}");
        }
    }

    // Who a requirement is counted for, and anything that differs between them (minimums by rank, people by branch).
    // In Chinese people, branches and departments are named as the roster names them; in English by their ids.
    private static string Scope(ResolvedPlan plan, Requirement requirement, CultureInfo culture)
    {
        string T(string code, params string[] values) => CliMessages.Text(code, culture, values);
        string List(IEnumerable<string> ids) => string.Join(T("show-list"), ids.Select(id => Name(plan, id, culture)));
        var scope = requirement.Scope == Plans.Requirements.Scope.Unit
            ? ""
            : requirement.Targets.Count == 0
                // A template names no one: each unit running it binds its own roster's people.
                ? T("show-per-from-rosters", T("show-per-" + Plans.Syntax.PlanShape.Kebab(requirement.Scope.ToString())))
                : T("show-per", T("show-per-" + Plans.Syntax.PlanShape.Kebab(requirement.Scope.ToString())), List(requirement.Targets));
        var detail = requirement switch
        {
            PeriodMinimum { PersonMinimums.Count: > 0 } m when m.PersonMinimums.Values.Distinct().Count() > 1 =>
                "; " + string.Join("; ", m.PersonMinimums.GroupBy(p => p.Value).Select(g =>
                    $"{(m.Minimum.IsWorkingTime ? T("show-hours", g.Key.ToString("0.##", CultureInfo.InvariantCulture)) : g.Key.ToString("0.##", CultureInfo.InvariantCulture))}: {List(g.Select(p => p.Key))}")),
            Participation { ByTarget.Count: > 0 } p => "; " + string.Join("; ", p.ByTarget.Select(t => $"{Name(plan, t.Key, culture)}: {List(t.Value)}")),
            _ => "",
        };
        return scope + detail;
    }

    // A roster id (a person, a branch, a department) by its name for a Chinese reader; the id for an English one.
    private static string Name(ResolvedPlan plan, string id, CultureInfo culture) =>
        !MessageTemplates.IsChinese(culture) ? id
        : plan.Roster.Find(id)?.Name ?? plan.Roster.Branches.GetValueOrDefault(id) ?? plan.Roster.Departments.GetValueOrDefault(id) ?? id;

    private static string UnitKind(ResolvedPlan plan, string kind, bool chinese) =>
        chinese && plan.Vocabulary.UnitKinds.GetValueOrDefault(kind) is { Length: > 0 } title ? title : kind;

    private static string Window(DateWindow window, CultureInfo culture) => CliMessages.Days(window.Start, window.End, culture);

    private static string Sources(IReadOnlyList<string> source) => source.Count == 0 ? "" : $"  [{string.Join(", ", source)}]";
}
