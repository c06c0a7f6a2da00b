using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Comparison;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow diff BEFORE AFTER [--format text|json] [--lang zh-CN|en]</c>: what changed between two plan files in
/// requirement terms (每周集中学习 半天 → 1天; an action added in a phase; a window moved), not a text diff. Each file
/// is resolved with its own folder as the context of its parent plan and roster.
/// </summary>
internal static class DiffCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Chinese stays readable in the output instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var before = new Argument<string>("before") { Description = "The plan file as it was." };
        var after = new Argument<string>("after") { Description = "The plan file as it is now (or the draft)." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = Language.CreateOption();
        var command = new Command("diff", "What changed between two plans, in requirement terms: minimums, windows, actions, phases, roster.") { before, after, format, lang };
        command.SetAction(parsed =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            var plans = new[] { parsed.GetValue(before)!, parsed.GetValue(after)! }.Select(file => Load(file, error, culture)).ToArray();
            if (plans.Any(p => p is null))
            {
                return 1;
            }

            if (plans[0]!.Id != plans[1]!.Id)
            {
                // Allowed (a unit's plan against its body's), but every requirement of each will show as added or removed.
                error.WriteLine(MessageCatalog.Format("diff-different-plans", [plans[0]!.Id, plans[1]!.Id], culture));
            }

            var changes = PlanComparison.Compare(plans[0]!, plans[1]!);
            if (parsed.GetValue(format) == "json")
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    before = new { plan = plans[0]!.Id, version = plans[0]!.Version, file = parsed.GetValue(before) },
                    after = new { plan = plans[1]!.Id, version = plans[1]!.Version, file = parsed.GetValue(after) },
                    changes,
                }, Json));
                return 0;
            }

            var name = (ResolvedPlan p) => $"{p.Id} v{p.Version.ToString(CultureInfo.InvariantCulture)}";
            output.WriteLine(MessageCatalog.Format("diff-header", [name(plans[0]!), name(plans[1]!), changes.Count.ToString(CultureInfo.InvariantCulture)], culture));
            if (changes.Count == 0)
            {
                output.WriteLine(MessageCatalog.Format("diff-no-changes", [], culture));
            }

            foreach (var change in changes)
            {
                output.WriteLine($"{Mark(change.Change)} {change.Message(culture)}");
            }

            return 0;
        });
        return command;
    }

    private static string Mark(string change) => change switch
    {
        "added" => "+",
        "removed" => "-",
        _ => "~",
    };

    private static ResolvedPlan? Load(string file, TextWriter error, CultureInfo culture)
    {
        if (!File.Exists(file))
        {
            error.WriteLine(MessageCatalog.Format("path-missing", [file], culture));
            return null;
        }

        var catalog = PlanCatalog.Load([file]);
        var plan = catalog.Find(file);
        var errors = catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (plan is null || errors.Length > 0)
        {
            foreach (var diagnostic in errors)
            {
                error.WriteLine(diagnostic.ToString(culture));
            }

            return null;
        }

        return plan;
    }
}
