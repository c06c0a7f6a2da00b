using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Comparison;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Storage.Sqlite.Campaigns;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// <c>campaignflow diff BEFORE AFTER [--data DIR] [--definitions DIR] [--format text|json] [--lang zh-CN|en]</c>: what
/// changed between two plan files in requirement terms (每周集中学习 半天 → 1天; an action added in a phase; a window
/// moved), not a text diff. Each file is resolved with its own folder as the context of its roster, and of its parent
/// plan when <c>--definitions</c> does not hold it. With <c>--data</c>,
/// BEFORE and AFTER are published versions (<c>PLAN@VERSION</c>) read from a server's data folder, read-only.
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
        var before = new Argument<string>("before");
        var after = new Argument<string>("after");
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = Language.CreateOption();
        var data = new Option<string?>("--data");
        var definitions = new Option<string?>("--definitions");
        var command = new Command("diff") { before, after, format, lang, data, definitions };
        command.SetAction(parsed =>
        {
            var culture = Language.Resolve(parsed.GetValue(lang));
            var named = new[] { parsed.GetValue(before)!, parsed.GetValue(after)! };
            var failure = ExitCode.Findings;
            var plans = parsed.GetValue(data) is { } folder
                ? LoadStored(folder, named, error, culture, out failure)
                : named.Select(file => Load(file, parsed.GetValue(definitions), error, culture)).ToArray();
            if (plans.Any(p => p is null))
            {
                return failure;
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

            var name = (ResolvedPlan p) => CliMessages.Text("diff-plan-version", culture, p.Id, p.Version.ToString(CultureInfo.InvariantCulture));
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

    // Exit codes as the other commands that read a data folder: 2 for a name that is not PLAN@VERSION, 4 for a
    // folder with no readable store, 1 for a version the store does not have or cannot resolve.
    private static ResolvedPlan?[] LoadStored(string folder, string[] named, TextWriter error, CultureInfo culture, out int failure)
    {
        failure = ExitCode.Unreachable;
        var database = Path.Combine(folder, "campaignflow.db");
        if (!File.Exists(database))
        {
            error.WriteLine(CliMessages.Text(Directory.Exists(folder) ? "data-no-store" : "data-no-folder", culture, folder, "campaignflow.db"));
            return [null];
        }

        var wanted = new List<(string Plan, int Version)>();
        foreach (var name in named)
        {
            var at = name.LastIndexOf('@');
            if (at <= 0 || !int.TryParse(name.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            {
                error.WriteLine(CliMessages.Text("diff-stored-form", culture, name));
                failure = ExitCode.Usage;
                return [null];
            }

            wanted.Add((name[..at], version));
        }

        CampaignStores? stores = null;
        try
        {
            stores = SqliteCampaignStores.OpenReadOnly(database);
            var plans = new ResolvedPlan?[wanted.Count];
            for (var i = 0; i < wanted.Count; i++)
            {
                var (plan, version) = wanted[i];
                var text = version.ToString(CultureInfo.InvariantCulture);
                if (stores.Plans.GetAsync(plan, version).AsTask().GetAwaiter().GetResult() is not { } stored)
                {
                    error.WriteLine(CliMessages.Text("diff-stored-missing", culture, plan, text));
                    failure = ExitCode.Findings;
                    return [null];
                }

                plans[i] = StoredPlans.Resolve(stored, out var why);
                if (plans[i] is null)
                {
                    error.WriteLine(CliMessages.Text("diff-stored-unresolvable", culture, plan, text, why));
                    failure = ExitCode.Findings;
                    return [null];
                }
            }

            return plans;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(CliMessages.Text("data-unreadable", culture, database, e.Message));
            return [null];
        }
        finally
        {
            // The command's action is synchronous; the read-only store holds nothing that needs an asynchronous close.
            stores?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static ResolvedPlan? Load(string file, string? definitions, TextWriter error, CultureInfo culture)
    {
        if (!File.Exists(file))
        {
            error.WriteLine(MessageCatalog.Format("path-missing", [file], culture));
            return null;
        }

        var catalog = PlanCatalog.Load([file], definitions is null ? [] : [definitions]);
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
