using System.CommandLine;
using System.Globalization;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow show PLAN</c>: the plan as the engine will check it — every period as ISO dates, every amount in
/// hours or counts, every action's requirements.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var plan = new Argument<string>("plan") { Description = "A plan file, or a plan id found in --definitions." };
        var definitions = new Option<string>("--definitions") { Description = "Where to look up a plan id.", DefaultValueFactory = _ => "definitions" };
        var lang = Language.CreateOption();
        var command = new Command("show", "Print a plan resolved: windows as dates, amounts in hours, requirements by kind.") { plan, definitions, lang };
        command.SetAction(parsed =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            var wanted = parsed.GetValue(plan)!;
            var catalog = PlanCatalog.Load([File.Exists(wanted) ? wanted : parsed.GetValue(definitions)!]);
            var resolved = catalog.Find(wanted);
            if (resolved is null)
            {
                foreach (var diagnostic in catalog.Diagnostics.Where(d => d.Severity == Plans.Diagnostics.DiagnosticSeverity.Error))
                {
                    error.WriteLine(diagnostic.ToString(culture));
                }

                error.WriteLine(catalog.HasErrors
                    ? $"'{wanted}' has errors; run 'campaignflow validate {wanted}'."
                    : $"no plan '{wanted}': give a plan file or an id from {parsed.GetValue(definitions)}.");
                return 1;
            }

            Write(resolved, output, culture);
            return 0;
        });
        return command;
    }

    private static void Write(ResolvedPlan plan, TextWriter output, CultureInfo culture)
    {
        output.WriteLine($"{plan.Id} v{plan.Version}  {plan.Title}");
        if (plan.Template is { } template)
        {
            // A template's unit is a stand-in named after the plan: what it says is the kinds and the body.
            output.WriteLine($"template  for {string.Join(", ", template.AppliesTo)}  under {template.Body}");
        }
        else
        {
            output.WriteLine($"unit      {plan.Unit.Id}  {plan.Unit.Name}{(plan.Unit.Kind is null ? "" : $"  kind {plan.Unit.Kind}")}{(plan.Unit.Parent is null ? "" : $"  under {plan.Unit.Parent}")}");
        }
        if (plan.Inherits is not null)
        {
            output.WriteLine($"inherits  {plan.Inherits}");
        }

        if (plan.Supervisor is not null)
        {
            output.WriteLine($"supervisor {plan.Supervisor}");
        }

        output.WriteLine($"campaign  {plan.Window}  ({plan.Window.Days} days; year {plan.Year}; {plan.TimeZone}; working day {plan.WorkdayHours:0.##} h)");
        output.WriteLine($"roster    {plan.Roster.People.Count} people, {plan.Roster.Branches.Count} branches, {plan.Roster.Departments.Count} departments");
        foreach (var focus in plan.Focus)
        {
            output.WriteLine($"focus     {focus}");
        }

        output.WriteLine();
        output.WriteLine("phases");
        foreach (var phase in plan.Phases)
        {
            WritePhase(plan, phase, output, culture, "  ");
        }

        var campaignWide = plan.Actions.Where(a => a.PhaseId is null).ToArray();
        if (campaignWide.Length > 0)
        {
            output.WriteLine();
            output.WriteLine($"campaign-wide  {plan.Window}");
            foreach (var action in campaignWide)
            {
                WriteAction(action, plan.Vocabulary, output, culture, "    ");
            }
        }

        var requirements = plan.Requirements.ToArray();
        output.WriteLine();
        output.WriteLine($"{plan.Actions.Count} actions, {requirements.Length} requirements: " + string.Join(", ",
            requirements.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => $"{PlanResolver.KindName(g.Key, culture)} {g.Count()}")));
    }

    private static void WritePhase(ResolvedPlan plan, ResolvedPhase phase, TextWriter output, CultureInfo culture, string indent)
    {
        output.WriteLine($"{indent}{phase.Id,-16} {phase.Window}  {phase.Title}{Sources(phase.Source)}");
        foreach (var action in plan.Actions.Where(a => a.PhaseId == phase.Id))
        {
            WriteAction(action, plan.Vocabulary, output, culture, indent + "    ");
        }

        foreach (var link in phase.Links)
        {
            WritePhase(plan, link, output, culture, indent + "  ");
        }
    }

    private static void WriteAction(ResolvedAction action, Vocabulary vocabulary, TextWriter output, CultureInfo culture, string indent)
    {
        output.WriteLine($"{indent}{action.Id}  {action.Title}{Sources(action.Source)}");
        foreach (var requirement in action.Requirements)
        {
            var window = requirement.Window == action.Window ? "" : $"  [{requirement.Window}]";
            output.WriteLine($"{indent}  - {DisplayWidth.PadRight(PlanResolver.KindName(requirement.Kind, culture), 26)} {PlanResolver.Describe(requirement, vocabulary, culture)}{Scope(requirement)}{window}{(requirement.Severity == Plans.Requirements.Severity.Soft ? "  (soft)" : "")}");
        }
    }

    // Who a requirement is counted for, and anything that differs between them (minimums by rank, people by branch).
    private static string Scope(Requirement requirement)
    {
        var scope = requirement.Scope == Plans.Requirements.Scope.Unit
            ? ""
            : $"  — per {PlanShapeWord(requirement.Scope.ToString())}: {string.Join(", ", requirement.Targets)}";
        var detail = requirement switch
        {
            PeriodMinimum { PersonMinimums.Count: > 0 } m when m.PersonMinimums.Values.Distinct().Count() > 1 =>
                "; " + string.Join("; ", m.PersonMinimums.GroupBy(p => p.Value).Select(g => $"{g.Key:0.##}{(m.Minimum.IsWorkingTime ? " h" : "")}: {string.Join(", ", g.Select(p => p.Key))}")),
            Participation { ByTarget.Count: > 0 } p => "; " + string.Join("; ", p.ByTarget.Select(t => $"{t.Key}: {string.Join(", ", t.Value)}")),
            _ => "",
        };
        return scope + detail;
    }

    private static string Sources(IReadOnlyList<string> source) => source.Count == 0 ? "" : $"  [{string.Join(", ", source)}]";

    private static string PlanShapeWord(string kind) => Plans.Syntax.PlanShape.Kebab(kind);
}
