using System.CommandLine;
using System.Globalization;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow validate [paths…] [--definitions DIR]</c>: checks plans, printing every finding at file:line:column;
/// a plan that inherits finds its parent in <c>--definitions</c>, else beside it.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output)
    {
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.ZeroOrMore,
        };
        var lang = Language.CreateOption();
        var definitions = new Option<string?>("--definitions");
        var command = new Command("validate") { paths, lang, definitions };
        command.SetAction(parsed =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            var given = parsed.GetValue(paths) is { Length: > 0 } p ? p : ["definitions"];
            var catalog = PlanCatalog.Load(given, parsed.GetValue(definitions) is { } parents ? [parents] : []);
            foreach (var diagnostic in catalog.Diagnostics)
            {
                output.WriteLine(diagnostic.ToString(culture));
            }

            var errors = catalog.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = catalog.Diagnostics.Count - errors;
            if (catalog.OrganisationFiles.Count > 0)
            {
                output.WriteLine(OrganisationSummary(catalog.OrganisationFiles.Count, catalog.Organisation.Units.Count, catalog.Organisation.UnitsOnTemplates.Count(), catalog.Generated.Count, culture));
            }

            // The plans generated from organisation lines with rosters are counted with the organisation, not as files;
            // the plans read only because an asked one inherits from them are not counted either (1 file, 1 valid).
            var asked = catalog.Files.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
            var valid = catalog.Plans.Values.Count(p => asked.Contains(Path.GetFullPath(p.File)) && !catalog.Generated.ContainsKey(p.Id));
            output.WriteLine(Summary(catalog.Files.Count, valid, errors, warnings, culture));
            if (catalog.Files.Count == 0 && catalog.OrganisationFiles.Count == 0)
            {
                // A folder with no plan in it is most likely the wrong folder: "0 checked" with exit code 0 passed a CI check.
                output.WriteLine(CliMessages.Text("validate-nothing", culture, string.Join(" ", given)));
                return 1;
            }

            return errors > 0 ? 1 : 0;
        });
        return command;
    }

    private static string OrganisationSummary(int files, int units, int onTemplates, int withRosters, CultureInfo culture) =>
        CliMessages.Text("validate-organisation", culture, CliMessages.N(files), CliMessages.N(units), CliMessages.N(onTemplates), CliMessages.N(withRosters));

    private static string Summary(int files, int valid, int errors, int warnings, CultureInfo culture) =>
        CliMessages.Text("validate-summary", culture, CliMessages.N(files), CliMessages.N(valid), CliMessages.N(errors), CliMessages.N(warnings));
}
