using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Plans.Reading;
using CampaignFlow.Plans.Resolution;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Catalog;

/// <summary>
/// The plans a service runs: the definitions folder is read and each valid plan published as a version (its plan,
/// roster and parents' files); then every stored version is resolved again from its stored texts, so what runs is
/// exactly what was published, whatever the folder says now. Each plan runs its highest stored version. A version
/// published later (through the API, on this host or another) is added when the service catches up with the store
/// (<see cref="PlanVersionCatchUp"/>), as the next start would have read it.
/// </summary>
/// <threadsafety>Safe for concurrent readers and one adder at a time: the versions are one snapshot, replaced whole.</threadsafety>
internal sealed class PlanLibrary
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private readonly HashSet<string> _generated;
    private Snapshot _snapshot;

    private PlanLibrary(IReadOnlyList<PlanLoadProblem> problems, IReadOnlyList<ResolvedPlan> versions, IReadOnlyDictionary<string, string> filesByPlan, OrganisationChart organisation, IEnumerable<string> generated)
    {
        _generated = generated.ToHashSet(StringComparer.Ordinal);
        Organisation = organisation;
        Problems = problems;
        _snapshot = new Snapshot(versions);
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
    public IReadOnlyList<ResolvedPlan> Versions => Volatile.Read(ref _snapshot).Versions;

    /// <summary>The highest version of each plan.</summary>
    public IReadOnlyList<ResolvedPlan> Running => Volatile.Read(ref _snapshot).Running;

    /// <summary>
    /// True for a plan generated from an organisation line that no longer names a roster (or no longer exists): its
    /// versions stay stored, but its unit runs its template again.
    /// </summary>
    /// <param name="plan">A stored plan version.</param>
    public bool IsRetired(ResolvedPlan plan) => RosteredUnitPlan.IsGeneratedPath(plan.File) && !_generated.Contains(plan.Id);

    /// <summary>The highest version of the plan with this id, or null.</summary>
    public ResolvedPlan? Find(string planId) => Volatile.Read(ref _snapshot).RunningById.GetValueOrDefault(planId);

    /// <summary>True when the version is held (resolved at start or added since).</summary>
    public bool Holds(string planId, int version) => Volatile.Read(ref _snapshot).Keys.Contains((planId, version));

    /// <summary>
    /// Adds versions published since the start; a version already held is left as it is (a stored version never
    /// changes). Callers add one at a time (<see cref="PlanVersionCatchUp"/> serialises them).
    /// </summary>
    /// <param name="published">Stored versions, resolved from their own texts.</param>
    public void Add(IReadOnlyCollection<ResolvedPlan> published)
    {
        var current = Volatile.Read(ref _snapshot);
        var added = published.Where(v => !current.Keys.Contains((v.Id, v.Version))).ToArray();
        if (added.Length > 0)
        {
            Volatile.Write(ref _snapshot, new Snapshot([.. current.Versions, .. added]));
        }
    }

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
        // Listed once: a start that publishes nothing new (every restart) reads the store's versions once, not twice.
        var stored = await store.ListAsync(ct).ConfigureAwait(false);
        var storedById = stored.GroupBy(v => v.PlanId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Version).ToArray(), StringComparer.Ordinal);
        var listAgain = false;
        foreach (var plan in catalog.Plans.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var unread = new DiagnosticBag();
            var files = SourceFiles(plan, catalog, definitionsPath, unread);
            if (unread.HasErrors)
            {
                // A file saved in another encoding since the catalog read it: the plan is refused as the catalog refuses
                // one, not published with a file missing or garbled.
                problems.AddRange(unread.Items.Select(d => Problem(d, definitionsPath)));
                continue;
            }

            var number = plan.Version;
            var versionsOfPlan = storedById.GetValueOrDefault(plan.Id) ?? [];
            if (catalog.Generated.TryGetValue(plan.Id, out var generated))
            {
                // A generated plan has no author to raise its version: a changed roster or template is published as
                // the next one, and the same texts as the latest stored are that version again.
                var next = NextGenerated(generated, versionsOfPlan, files);
                if (next.Earlier is { } earlier)
                {
                    // Texts of an earlier version: another host's older folder, or a roster put back. Publishing them
                    // again would make hosts with different folders raise the version at every start.
                    problems.Add(GeneratedProblem(generated, definitionsPath, "generated-plan-earlier",
                        [generated.UnitId, earlier.ToString(CultureInfo.InvariantCulture), plan.Id, versionsOfPlan[^1].Version.ToString(CultureInfo.InvariantCulture)]));
                    filesByPlan[plan.Id] = files[0].Path;
                    continue;
                }

                (number, files) = (next.Version, next.Files);
            }

            filesByPlan[plan.Id] = files[0].Path;
            var version = new PlanVersion(plan.Id, number, plan.Unit.Id, PlanVersionHash.Of(files), files, now);
            var published = await store.PublishAsync(version, ct).ConfigureAwait(false);
            listAgain |= published.Outcome != PublishOutcome.Unchanged || !versionsOfPlan.Any(v => v.Version == number);
            if (published.Outcome == PublishOutcome.Conflict)
            {
                // The next free number, whatever the file says: a generated plan may have run ahead of a file written later.
                var free = (Math.Max(number, versionsOfPlan.Length == 0 ? 0 : versionsOfPlan[^1].Version) + 1).ToString(CultureInfo.InvariantCulture);
                string[] arguments = [plan.Id, number.ToString(CultureInfo.InvariantCulture), free];
                if (generated is not null)
                {
                    problems.Add(GeneratedProblem(generated, definitionsPath, "plan-changed-without-version", arguments));
                    continue;
                }

                var at = catalog.Written[plan.Id].At("version");
                problems.Add(new PlanLoadProblem(files[0].Path, Math.Max(at.Line, 1), Math.Max(at.Column, 1), "plan-changed-without-version",
                    CatalogMessages.Format("plan-changed-without-version", English, arguments),
                    CatalogMessages.Format("plan-changed-without-version", Chinese, arguments)));
            }
        }

        if (listAgain)
        {
            stored = await store.ListAsync(ct).ConfigureAwait(false);
        }

        var versions = new List<ResolvedPlan>();
        foreach (var version in stored)
        {
            var resolved = Resolve(version, out var why);
            if (resolved is null)
            {
                string[] arguments = [version.PlanId, version.Version.ToString(CultureInfo.InvariantCulture), why];
                problems.Add(new PlanLoadProblem(version.Files[0].Path, 1, 1, "stored-plan-unresolvable",
                    CatalogMessages.Format("stored-plan-unresolvable", English, arguments),
                    CatalogMessages.Format("stored-plan-unresolvable", Chinese, arguments)));
                continue;
            }

            versions.Add(resolved);
        }

        return new PlanLibrary(problems, versions, filesByPlan, catalog.Organisation, catalog.Generated.Keys);
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

    /// <summary>
    /// The version a generated plan is published as, and its files with that version written in its text; or, when its
    /// texts are those of an earlier stored version than the latest, that version (nothing is to be published).
    /// </summary>
    private static (int Version, List<PlanSourceFile> Files, int? Earlier) NextGenerated(RosteredUnitPlan generated, PlanVersion[] stored, List<PlanSourceFile> files)
    {
        List<PlanSourceFile> At(int version) => [new PlanSourceFile(files[0].Path, generated.Text(version)), .. files.Skip(1)];
        if (stored.Length == 0)
        {
            return (1, At(1), null);
        }

        var latest = stored[^1];
        if (PlanVersionHash.Of(At(latest.Version)) == latest.Hash)
        {
            return (latest.Version, At(latest.Version), null);
        }

        var earlier = stored.SkipLast(1).LastOrDefault(v => PlanVersionHash.Of(At(v.Version)) == v.Hash);
        return earlier is null ? (latest.Version + 1, At(latest.Version + 1), null) : (latest.Version, files, earlier.Version);
    }

    private static PlanLoadProblem GeneratedProblem(RosteredUnitPlan generated, string root, string code, string[] arguments) =>
        new(Relative(generated.RosterAt.File, root), Math.Max(generated.RosterAt.Line, 1), Math.Max(generated.RosterAt.Column, 1), code,
            CatalogMessages.Format(code, English, arguments), CatalogMessages.Format(code, Chinese, arguments));

    /// <summary>The plan's file (or generated text), its roster and holidays, then its parents' files, relative to the definitions folder.</summary>
    private static List<PlanSourceFile> SourceFiles(ResolvedPlan plan, PlanCatalog catalog, string root, DiagnosticBag unread)
    {
        var files = new List<PlanSourceFile>();
        for (var current = plan; current is not null; current = current.Inherits is { } parent ? catalog.Plans.GetValueOrDefault(parent) : null)
        {
            var full = Path.GetFullPath(current.File);
            if (catalog.Generated.TryGetValue(current.Id, out var generated))
            {
                files.Add(new PlanSourceFile(Relative(full, root), generated.Text(current.Version)));
            }

            Add(files, full, root, unread);
            if (catalog.Written[current.Id].Roster?.File is { } roster)
            {
                Add(files, Path.Combine(Path.GetDirectoryName(full)!, roster), root, unread);
            }

            if (catalog.Written[current.Id].Calendar?.Holidays?.File is { } holidays)
            {
                Add(files, Path.Combine(Path.GetDirectoryName(full)!, holidays), root, unread);
            }

            if (files.Count > 32)
            {
                break; // an inheritance cycle is reported by the catalog; never loop on it
            }
        }

        return files;
    }

    // Read through the one UTF-8 detection (ADR 0023), as the catalog read it: a file is snapshotted as it is now.
    private static void Add(List<PlanSourceFile> files, string full, string root, DiagnosticBag unread)
    {
        var relative = Relative(full, root);
        if (files.All(f => f.Path != relative) && File.Exists(full) && Utf8File.Read(full, unread) is { } text)
        {
            files.Add(new PlanSourceFile(relative, text));
        }
    }

    private static string Relative(string file, string root) => Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(file)).Replace('\\', '/');

    private static PlanLoadProblem Problem(PlanDiagnostic d, string root) =>
        new(Relative(d.Location.File, root), d.Location.Line, d.Location.Column, d.Code, d.Message(English), d.Message(Chinese));

    // The versions and what is read of them, replaced together so a reader never sees one without the other.
    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<ResolvedPlan> versions)
        {
            Versions = versions;
            Running = versions.GroupBy(v => v.Id).Select(g => g.MaxBy(v => v.Version)!).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
            RunningById = Running.ToDictionary(p => p.Id, StringComparer.Ordinal);
            Keys = versions.Select(v => (v.Id, v.Version)).ToHashSet();
        }

        public IReadOnlyList<ResolvedPlan> Versions { get; }

        public IReadOnlyList<ResolvedPlan> Running { get; }

        public Dictionary<string, ResolvedPlan> RunningById { get; }

        public HashSet<(string Id, int Version)> Keys { get; }
    }
}
