using System.CommandLine;
using CampaignFlow.Cli.Output;
using CampaignFlow.Cli.Planning;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow new --kind KIND --unit ID --name NAME [--template PLAN]</c>: a plan for a new unit on the template its
/// kind runs (the plans in --definitions with <c>template.appliesTo</c>), and its roster stub, written beside the plans
/// and checked as <c>validate</c> checks them; files that exist are never overwritten.
/// </summary>
internal static partial class NewCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var kind = new Option<string>("--kind") { Required = true };
        var unit = new Option<string>("--unit") { Required = true };
        var name = new Option<string>("--name") { Required = true };
        var template = new Option<string?>("--template");
        var definitions = new Option<string>("--definitions") { DefaultValueFactory = _ => "definitions" };
        var outputFolder = new Option<string?>("--output");
        var lang = Language.CreateOption();
        var command = new Command("new")
        {
            kind, unit, name, template, definitions, outputFolder, lang,
        };
        command.SetAction(parsed =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            string T(string code, params string[] values) => CliMessages.Text(code, culture, values);
            var folder = parsed.GetValue(definitions)!;
            var catalog = PlanCatalog.Load([folder]);
            var templates = catalog.Plans.Values.Where(p => p.Template is not null).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
            var wantedKind = parsed.GetValue(kind)!;
            var candidates = templates.Where(t => t.Template!.AppliesTo.Contains(wantedKind, StringComparer.Ordinal)).ToArray();
            if (parsed.GetValue(template) is { } named)
            {
                candidates = [.. candidates.Where(t => t.Id == named)];
                if (candidates.Length == 0)
                {
                    error.WriteLine(T("new-not-template", named, wantedKind, List(templates.Where(t => t.Template!.AppliesTo.Contains(wantedKind)).Select(t => t.Id), culture)));
                    return ExitCode.Usage;
                }
            }

            if (candidates.Length == 0)
            {
                error.WriteLine(T("new-no-template", wantedKind, folder, List(templates.SelectMany(t => t.Template!.AppliesTo).Distinct().Order(StringComparer.Ordinal), culture)));
                return ExitCode.Usage;
            }

            if (candidates.Length > 1)
            {
                error.WriteLine(T("new-several-templates", wantedKind, List(candidates.Select(t => t.Id), culture)));
                return ExitCode.Usage;
            }

            var unitId = parsed.GetValue(unit)!.Trim();
            if (!Id().IsMatch(unitId))
            {
                // The id names the plan's files and is typed in URLs and filters: the plans' own ids are all of this shape.
                error.WriteLine(T("new-bad-id", unitId, "weidu-nanguan-street"));
                return ExitCode.Usage;
            }

            var chosen = candidates[0];
            var window = catalog.Written.TryGetValue(chosen.Id, out var written) && written.Campaign.Window is { } w ? w.Text : "";
            var stub = new UnitPlanStub(chosen, window, unitId, parsed.GetValue(name)!.Trim(), wantedKind);
            var target = parsed.GetValue(outputFolder) ?? folder;
            var planPath = Path.Combine(target, stub.PlanFile);
            var rosterPath = Path.Combine(target, stub.RosterFile);
            if (new[] { planPath, rosterPath }.FirstOrDefault(File.Exists) is { } existing)
            {
                error.WriteLine(T("new-exists", existing));
                return ExitCode.Usage;
            }

            Directory.CreateDirectory(target);
            // As the plans of definitions/ point at the schema `campaignflow schema` writes to docs/, when there is a docs/ beside.
            var schema = Directory.Exists(Path.Combine(target, "..", "docs")) ? "../docs/plan.schema.json" : null;
            File.WriteAllText(planPath, stub.PlanText(culture, schema));
            File.WriteAllText(rosterPath, stub.RosterText(culture));

            // Checked with the plans it inherits, as validate checks the folder; a plan that would not validate is not left behind.
            var inside = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar).StartsWith(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
            var check = PlanCatalog.Load(inside ? [folder] : [folder, planPath]);
            var findings = check.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error && (SameFile(d.Location.File, planPath) || SameFile(d.Location.File, rosterPath)))
                .ToArray();
            if (findings.Length > 0)
            {
                foreach (var finding in findings)
                {
                    error.WriteLine(finding.ToString(culture));
                }

                File.Delete(planPath);
                File.Delete(rosterPath);
                error.WriteLine(T("new-invalid"));
                return ExitCode.Findings;
            }

            output.WriteLine(T("new-written", planPath, rosterPath, chosen.Id));
            output.WriteLine(T("new-next", planPath));
            return ExitCode.Ok;
        });
        return command;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex Id();

    private static string List(IEnumerable<string> items, System.Globalization.CultureInfo culture) => string.Join(CliMessages.Text("show-list", culture), items);

    private static bool SameFile(string? a, string b) => a is not null && Path.GetFullPath(a) == Path.GetFullPath(b);
}
