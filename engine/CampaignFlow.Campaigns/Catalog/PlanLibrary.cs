using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Plans.Resolution;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Catalog;

/// <summary>
/// The plans a service runs: the definitions folder is read and each valid plan published as a version (its plan,
/// roster and parents' files); then every stored version is resolved again from its stored texts, so what runs is
/// exactly what was published, whatever the folder says now. Each plan runs its highest stored version.
/// </summary>
internal sealed class PlanLibrary
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private readonly Dictionary<string, ResolvedPlan> _runningById;

    private PlanLibrary(IReadOnlyList<PlanLoadProblem> problems, IReadOnlyList<ResolvedPlan> versions, IReadOnlyDictionary<string, string> filesByPlan, OrganisationChart organisation)
    {
        Organisation = organisation;
        Problems = problems;
        Versions = versions;
        Running = versions.GroupBy(v => v.Id).Select(g => g.MaxBy(v => v.Version)!).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        _runningById = Running.ToDictionary(p => p.Id, StringComparer.Ordinal);
        FilesByPlan = filesByPlan;
    }

    /// <summary>
    /// The units of the organisation files, read from the folder at each start (they are lines, not plan versions),
    /// each without a plan of its own given its template.
    /// </summary>
    public OrganisationChart Organisation { get; }

    /// <summary>What could not be loaded.</summary>
    public IReadOnlyList<PlanLoadProblem> Problems { get; }

    /// <summary>Every stored version, resolved.</summary>
    public IReadOnlyList<ResolvedPlan> Versions { get; }

    /// <summary>The highest version of each plan.</summary>
    public IReadOnlyList<ResolvedPlan> Running { get; }

    /// <summary>The highest version of the plan with this id, or null.</summary>
    public ResolvedPlan? Find(string planId) => _runningById.GetValueOrDefault(planId);

    /// <summary>The definitions file of each plan read from the folder, relative, by plan id.</summary>
    public IReadOnlyDictionary<string, string> FilesByPlan { get; }

    public static async Task<PlanLibrary> LoadAsync(string definitionsPath, IPlanStore store, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        var library = await LoadAsync(definitionsPath, store, now, ct).ConfigureAwait(false);
        foreach (var problem in library.Problems)
        {
            logger.LogWarning("Plan problem {File}:{Line}:{Column} {Code}: {Message}", problem.File, problem.Line, problem.Column, problem.Code, problem.MessageEn);
        }

        return library;
    }

    private static async Task<PlanLibrary> LoadAsync(string definitionsPath, IPlanStore store, DateTimeOffset now, CancellationToken ct)
    {
        var problems = new List<PlanLoadProblem>();
        var catalog = PlanCatalog.Load([definitionsPath]);
        problems.AddRange(catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Problem(d, definitionsPath)));

        var filesByPlan = new Dictionary<string, string>(StringComparer.Ordinal);
        var latest = catalog.Generated.Count == 0 ? new Dictionary<string, PlanVersion>()
            : (await store.ListAsync(ct).ConfigureAwait(false)).Where(v => catalog.Generated.ContainsKey(v.PlanId))
                .GroupBy(v => v.PlanId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!, StringComparer.Ordinal);
        foreach (var plan in catalog.Plans.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var files = SourceFiles(plan, catalog, definitionsPath);
            var number = plan.Version;
            if (catalog.Generated.TryGetValue(plan.Id, out var generated))
            {
                // A generated plan has no author to raise its version: a changed roster or template is published as
                // the next one, and the same texts as the latest stored are that version again.
                (number, files) = NextGenerated(generated, latest.GetValueOrDefault(plan.Id), definitionsPath, files);
            }

            filesByPlan[plan.Id] = files[0].Path;
            var version = new PlanVersion(plan.Id, number, plan.Unit.Id, PlanVersionHash.Of(files), files, now);
            var published = await store.PublishAsync(version, ct).ConfigureAwait(false);
            if (published.Outcome == PublishOutcome.Conflict)
            {
                var at = catalog.Written[plan.Id].At("version");
                string[] arguments = [plan.Id, plan.Version.ToString(CultureInfo.InvariantCulture), (plan.Version + 1).ToString(CultureInfo.InvariantCulture)];
                problems.Add(new PlanLoadProblem(files[0].Path, Math.Max(at.Line, 1), Math.Max(at.Column, 1), "plan-changed-without-version",
                    CatalogMessages.Format("plan-changed-without-version", English, arguments),
                    CatalogMessages.Format("plan-changed-without-version", Chinese, arguments)));
            }
        }

        var versions = new List<ResolvedPlan>();
        foreach (var stored in await store.ListAsync(ct).ConfigureAwait(false))
        {
            var resolved = Resolve(stored, out var why);
            if (resolved is null)
            {
                string[] arguments = [stored.PlanId, stored.Version.ToString(CultureInfo.InvariantCulture), why];
                problems.Add(new PlanLoadProblem(stored.Files[0].Path, 1, 1, "stored-plan-unresolvable",
                    CatalogMessages.Format("stored-plan-unresolvable", English, arguments),
                    CatalogMessages.Format("stored-plan-unresolvable", Chinese, arguments)));
                continue;
            }

            versions.Add(resolved);
        }

        return new PlanLibrary(problems, versions, filesByPlan, catalog.Organisation);
    }

    /// <summary>Resolves a stored version from its own texts.</summary>
    public static ResolvedPlan? Resolve(PlanVersion stored, out string why)
    {
        var catalog = PlanCatalog.LoadTexts(stored.Files.Select(f => new PlanText(f.Path, f.Text)));
        if (catalog.Plans.TryGetValue(stored.PlanId, out var plan) && plan.Version == stored.Version && !catalog.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Location.File == stored.Files[0].Path))
        {
            why = "";
            return plan;
        }

        why = catalog.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.ToString(CultureInfo.InvariantCulture) ?? "plan not found in its files";
        return null;
    }

    /// <summary>The version a generated plan is published as, and its files with that version written in its text.</summary>
    private static (int Version, List<PlanSourceFile> Files) NextGenerated(RosteredUnitPlan generated, PlanVersion? latest, string root, List<PlanSourceFile> files)
    {
        List<PlanSourceFile> At(int version) => [new PlanSourceFile(files[0].Path, generated.Text(version)), .. files.Skip(1)];
        if (latest is null)
        {
            return (1, At(1));
        }

        var same = At(latest.Version);
        return PlanVersionHash.Of(same) == latest.Hash ? (latest.Version, same) : (latest.Version + 1, At(latest.Version + 1));
    }

    /// <summary>The plan's file (or generated text), its roster, then its parents' files, relative to the definitions folder.</summary>
    private static List<PlanSourceFile> SourceFiles(ResolvedPlan plan, PlanCatalog catalog, string root)
    {
        var files = new List<PlanSourceFile>();
        for (var current = plan; current is not null; current = current.Inherits is { } parent ? catalog.Plans.GetValueOrDefault(parent) : null)
        {
            var full = Path.GetFullPath(current.File);
            if (catalog.Generated.TryGetValue(current.Id, out var generated))
            {
                files.Add(new PlanSourceFile(Relative(full, root), generated.Text(current.Version)));
            }

            Add(files, full, root);
            if (catalog.Written[current.Id].Roster?.File is { } roster)
            {
                Add(files, Path.Combine(Path.GetDirectoryName(full)!, roster), root);
            }

            if (files.Count > 32)
            {
                break; // an inheritance cycle is reported by the catalog; never loop on it
            }
        }

        return files;
    }

    private static void Add(List<PlanSourceFile> files, string full, string root)
    {
        var relative = Relative(full, root);
        if (files.All(f => f.Path != relative) && File.Exists(full))
        {
            files.Add(new PlanSourceFile(relative, File.ReadAllText(full)));
        }
    }

    private static string Relative(string file, string root) => Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(file)).Replace('\\', '/');

    private static PlanLoadProblem Problem(PlanDiagnostic d, string root) =>
        new(Relative(d.Location.File, root), d.Location.Line, d.Location.Column, d.Code, d.Message(English), d.Message(Chinese));
}
