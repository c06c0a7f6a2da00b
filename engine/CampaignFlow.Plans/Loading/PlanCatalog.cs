using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Plans.Reading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Loading;

/// <summary>
/// The plans of one or more files and folders, read and resolved parents first. A file's parent plan is found
/// among the files given or, failing that, beside the file. Only the files asked for are reported on.
/// </summary>
public sealed class PlanCatalog
{
    private readonly Dictionary<string, ResolvedPlan> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlanDocument> _written = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlanResolution> _resolutions = new(StringComparer.Ordinal);
    private readonly List<PlanDiagnostic> _diagnostics = [];
    private readonly Dictionary<PlanSource, string> _identity = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _incomplete = new(StringComparer.Ordinal);
    private readonly List<ResolvedTemplate> _unloadedTemplates = [];
    private readonly Dictionary<string, RosteredUnitPlan> _generated = new(StringComparer.Ordinal);
    private readonly List<string> _parentFolders = [];

    private PlanCatalog()
    {
    }

    /// <summary>The plan files asked for, in path order.</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    /// <summary>Every finding about the files asked for, by file, line and column.</summary>
    public IReadOnlyList<PlanDiagnostic> Diagnostics => _diagnostics;

    /// <summary>The resolved plans of the files asked for (and their parents), by plan id.</summary>
    public IReadOnlyDictionary<string, ResolvedPlan> Plans => _plans;

    /// <summary>
    /// The plans of <see cref="Plans"/> as written in their own files, before inheritance, by plan id: for what only
    /// the file knows, such as where a key stands or which roster file the plan names.
    /// </summary>
    public IReadOnlyDictionary<string, PlanDocument> Written => _written;

    /// <summary>The organisation files asked for (<c>*.units.yaml</c>, <c>*.units.csv</c>, <c>*.groups.yaml</c>), in path order.</summary>
    public IReadOnlyList<string> OrganisationFiles { get; private set; } = [];

    /// <summary>The units of the organisation files, each given the template it runs when it has no plan of its own.</summary>
    public OrganisationChart Organisation { get; private set; } = OrganisationChart.Empty;

    /// <summary>
    /// The plans generated for units of the organisation files that run their template with a roster of their own
    /// (<see cref="RosteredUnitPlan"/>), by plan id; each is in <see cref="Plans"/> too.
    /// </summary>
    public IReadOnlyDictionary<string, RosteredUnitPlan> Generated => _generated;

    /// <summary>True when any finding about the files asked for is an error.</summary>
    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Reads and resolves the plans in <paramref name="paths"/>: plan files, or folders searched for <c>*.yaml</c>
    /// (roster files <c>*.roster.yaml</c>, holidays files <c>*.holidays.yaml</c> and <c>activities/</c> folders of activity logs are not plans), and the
    /// organisation files among them (<c>*.units.yaml</c>, <c>*.units.csv</c>), checked against the plans.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    public static PlanCatalog Load(IEnumerable<string> paths) => Load(paths, []);

    /// <summary>
    /// Reads and resolves the plans in <paramref name="paths"/> as <see cref="Load(IEnumerable{string})"/> does, their
    /// parent plans looked for in <paramref name="parentFolders"/> before beside the files: a plan file kept outside
    /// <c>definitions/</c> (a draft, a copy) finds the plan it inherits there. The plans of those folders are not reported on.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="parentFolders">Folders of plans the files may inherit from (<c>--definitions</c>); a missing one is <c>path-missing</c>.</param>
    public static PlanCatalog Load(IEnumerable<string> paths, IEnumerable<string> parentFolders)
    {
        var catalog = new PlanCatalog();
        foreach (var folder in parentFolders)
        {
            if (Directory.Exists(folder))
            {
                catalog._parentFolders.Add(folder);
            }
            else
            {
                catalog._diagnostics.Add(new PlanDiagnostic("path-missing", DiagnosticSeverity.Error, new SourceLocation(folder, 1, 1), [folder]));
            }
        }

        var asked = new List<string>();
        var organisation = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                asked.AddRange(PlanFilesIn(path));
                organisation.AddRange(OrganisationFilesIn(path));
            }
            else if (File.Exists(path) && (OrganisationReader.IsOrganisationFile(path) || OrganisationReader.IsGroupsFile(path)))
            {
                organisation.Add(path);
            }
            else if (File.Exists(path))
            {
                asked.Add(path);
            }
            else
            {
                catalog._diagnostics.Add(new PlanDiagnostic("path-missing", DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), [path]));
            }
        }

        catalog.Files = asked.Distinct().OrderBy(f => f, StringComparer.Ordinal).ToArray();
        catalog.OrganisationFiles = organisation.Distinct().OrderBy(f => f, StringComparer.Ordinal).ToArray();
        catalog.Resolve();
        catalog.ReadOrganisation();
        if (paths.Any(Directory.Exists))
        {
            catalog.CheckBodyNames();
        }

        return catalog;
    }

    /// <summary>The plan with id <paramref name="idOrFile"/>, or the plan read from that file.</summary>
    /// <param name="idOrFile">A plan id or a file path.</param>
    public ResolvedPlan? Find(string idOrFile) =>
        _plans.GetValueOrDefault(idOrFile)
        ?? _plans.Values.FirstOrDefault(p => Path.GetFullPath(p.File) == Path.GetFullPath(idOrFile));

    private static IEnumerable<string> PlanFilesIn(string folder) => FilesIn(folder).Where(IsPlanFile);

    private static bool IsPlanFile(string f) =>
        (f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !IsRosterOrHolidays(f)
        && !OrganisationReader.IsOrganisationFile(f) && !OrganisationReader.IsGroupsFile(f);

    // A roster (*.roster.yaml) and a holidays file (*.holidays.yaml) are read through the plans that name them.
    private static bool IsRosterOrHolidays(string f) =>
        Path.GetFileName(f).Contains(".roster.", StringComparison.OrdinalIgnoreCase)
        || Path.GetFileName(f).Contains(".holidays.", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> OrganisationFilesIn(string folder) =>
        FilesIn(folder).Where(f => OrganisationReader.IsOrganisationFile(f) || OrganisationReader.IsGroupsFile(f));

    private static IEnumerable<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).SkipLast(1).Contains("activities"));

    private void ReadOrganisation()
    {
        if (OrganisationFiles.Count == 0)
        {
            return;
        }

        var read = new DiagnosticBag();
        var entries = OrganisationFiles.Where(OrganisationReader.IsOrganisationFile).SelectMany(f => OrganisationReader.ReadFile(f, read)).ToArray();
        var groups = OrganisationFiles.Where(OrganisationReader.IsGroupsFile).SelectMany(f => OrganisationReader.ReadGroupsFile(f, read)).ToArray();
        var chart = new DiagnosticBag();
        Organisation = OrganisationChart.Build(entries, _plans.Values, chart, groups, _unloadedTemplates);
        var rosters = new DiagnosticBag();
        if (entries.Any(e => e.Roster is not null) && GenerateRosteredPlans(entries, rosters))
        {
            // The units with rosters run plans of their own now: the chart is built again so they are not on templates.
            chart = new DiagnosticBag();
            Organisation = OrganisationChart.Build(entries, _plans.Values, chart, groups, _unloadedTemplates);
        }

        _diagnostics.AddRange(read.Items);
        _diagnostics.AddRange(chart.Items);
        _diagnostics.AddRange(rosters.Items);
        SortDiagnostics();
    }

    /// <summary>
    /// Warns at each asked plan's <c>unit.parent</c> that names a body nobody names: no organisation file lists it and no
    /// plan is its own, so every list of bodies would show a reader its id. Only a folder is checked (where the
    /// organisation files are); a plan checked alone does not see them.
    /// </summary>
    private void CheckBodyNames()
    {
        var named = new HashSet<string>(Organisation.Units.Select(u => u.Id), StringComparer.Ordinal);
        named.UnionWith(_plans.Values.Where(p => p.Template is null).Select(p => p.Unit.Id));
        var asked = Files.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var plan in _plans.Values.Where(p => p.Template is null && !_generated.ContainsKey(p.Id) && asked.Contains(Path.GetFullPath(p.File))))
        {
            if (plan.Unit.Parent is { } parent && !named.Contains(parent) && _written.TryGetValue(plan.Id, out var written))
            {
                _diagnostics.Add(new PlanDiagnostic("unnamed-body", DiagnosticSeverity.Warning, written.Unit.At("parent"), [parent, plan.Unit.Name]));
            }
        }

        SortDiagnostics();
    }

    /// <summary>
    /// Gives each unit on a template whose line names a roster the plan <see cref="RosteredUnitPlan"/> makes of it,
    /// resolved against its people; true when any was added. A roster's own findings are reported at its file, every
    /// other finding about a generated plan at the line's roster (the generated text is nobody's file).
    /// </summary>
    private bool GenerateRosteredPlans(IReadOnlyList<OrganisationUnitSpec> entries, DiagnosticBag diagnostics)
    {
        var added = false;
        // A roster file that is missing was reported at its line by the reader; the unit then runs nothing.
        foreach (var entry in entries.Where(e => e.Roster is { } roster && File.Exists(Path.Combine(Path.GetDirectoryName(e.Location.File) ?? "", roster))))
        {
            if (Organisation.TemplateOf(entry.Id) is not { } templateId)
            {
                if (_plans.Values.FirstOrDefault(p => p.Template is null && p.Unit.Id == entry.Id) is { } own)
                {
                    diagnostics.Warning("roster-beside-own-plan", entry.At("roster"), entry.Id, own.Id);
                }

                continue; // a unit with nothing to run is reported by the chart
            }

            var window = _written.TryGetValue(templateId, out var written) && written.Campaign.Window is { } w ? w.Text : "";
            var generated = new RosteredUnitPlan(entry, _plans[templateId], window);
            if (_plans.ContainsKey(generated.PlanId))
            {
                diagnostics.Error("rostered-plan-id-taken", entry.At("roster"), entry.Id, generated.PlanId);
                continue;
            }

            var source = PlanReader.ReadText(generated.Text(1), generated.Path);
            var found = new DiagnosticBag();
            found.AddRange(source.Diagnostics);
            var resolved = source.Plan is { } plan && !source.HasErrors && _resolutions.TryGetValue(templateId, out var parent)
                ? PlanResolver.Resolve(plan, parent, generated.Path, found)
                : null;
            // A finding in the roster file stays there; any other (a template's action that selects nobody of these
            // people, say) is the unit's, at its line: at the template's line it would repeat once per unit, unnamed.
            var roster = Path.Combine(Path.GetDirectoryName(generated.Path) ?? "", entry.Roster!);
            diagnostics.AddRange(found.Items.Select(d => d.Location.File == roster ? d : d with { Location = generated.RosterAt }));
            if (resolved is null || found.HasErrors)
            {
                continue;
            }

            _plans[generated.PlanId] = resolved.Plan;
            _written[generated.PlanId] = source.Plan!;
            _resolutions[generated.PlanId] = resolved;
            _generated[generated.PlanId] = generated;
            added = true;
        }

        return added;
    }

    /// <summary>
    /// Reads and resolves plans from texts instead of files (a published plan version, an upload): every text whose
    /// path does not name a roster or holidays file (<c>*.roster.yaml</c>, <c>*.holidays.yaml</c>) is a plan asked for; a roster or holidays file a plan names is looked up among
    /// the texts relative to the plan's path. Paths use '/' and are reported as given.
    /// </summary>
    /// <param name="texts">Plans, rosters and parent plans, by path.</param>
    /// <param name="asked">The paths of the plans to report on; null for every plan text.</param>
    public static PlanCatalog LoadTexts(IEnumerable<PlanText> texts, IEnumerable<string>? asked = null)
    {
        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            byPath[Normalize(text.Path)] = text.Text;
        }

        string? ReadSibling(string path) => byPath.GetValueOrDefault(Normalize(path));

        var plans = byPath.Keys.Where(p => !IsRosterOrHolidays(p))
            .OrderBy(p => p, StringComparer.Ordinal).ToArray();
        var catalog = new PlanCatalog
        {
            Files = asked is null ? plans : asked.Select(Normalize).Where(byPath.ContainsKey).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToArray(),
        };
        // The files asked for come first: a sibling with the same plan id must not take their place.
        var context = catalog.Files.Concat(plans.Except(catalog.Files)).ToArray();
        catalog.Resolve(context, catalog.Files.ToHashSet(StringComparer.Ordinal), path => PlanReader.ReadText(byPath[path], path, ReadSibling));
        return catalog;
    }

    private static string Normalize(string path)
    {
        // "a/./b/../c.yaml" → "a/c.yaml", so a roster named relative to its plan is found among the texts.
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private void Resolve()
    {
        // Each file as asked for, by its full path: findings name the file the way the caller wrote it.
        var asked = new Dictionary<string, string>();
        foreach (var file in Files)
        {
            asked.TryAdd(Path.GetFullPath(file), file);
        }

        // Each folder is listed once, however many plans it holds (listing it per plan made loading grow with N²).
        // An organisation file checked alone runs the templates beside it or in the folder just above
        // (definitions/organisation/ → definitions/); a folder asked for brought its plans already.
        var alone = asked.Count == 0 ? OrganisationFiles.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Distinct().ToArray() : [];
        var above = alone.Select(Path.GetDirectoryName).OfType<string>().Distinct()
            .SelectMany(d => Directory.EnumerateFiles(d, "*.y*ml").Where(IsPlanFile));
        var siblings = asked.Keys.Select(f => Path.GetDirectoryName(f)!).Concat(alone).Distinct()
            .SelectMany(PlanFilesIn).Concat(above)
            .Where(c => !c.Contains($"{Path.DirectorySeparatorChar}activities{Path.DirectorySeparatorChar}"));
        // The folders named for parents come before the siblings: they are where the author said the parents are.
        var named = _parentFolders.SelectMany(PlanFilesIn);
        // The files asked for come first: a sibling with the same plan id must not take their place.
        var context = asked.Keys.Concat(named.Concat(siblings).Select(Path.GetFullPath)).Distinct().ToArray();
        Resolve(context, asked.Keys.ToHashSet(), file => PlanReader.ReadFile(asked.GetValueOrDefault(file) ?? Path.GetRelativePath(Environment.CurrentDirectory, file)));
    }

    /// <summary>Reads every file of <paramref name="context"/> and resolves those asked for, parents first.</summary>
    /// <param name="context">Identities of every plan file that may be a parent, the asked ones first.</param>
    /// <param name="askedSet">Identities of the files asked for.</param>
    /// <param name="read">Reads the file of an identity.</param>
    private void Resolve(IReadOnlyList<string> context, ISet<string> askedSet, Func<string, PlanSource> read)
    {
        var sources = new Dictionary<string, PlanSource>();
        var byId = new Dictionary<string, PlanSource>();
        // A roster or holidays file several plans name is read with each: its findings are said once, not once a plan.
        var sharedFindings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in context)
        {
            var source = read(file);
            sources[file] = source;
            _identity[source] = file;
            if (askedSet.Contains(file))
            {
                _diagnostics.AddRange(source.Diagnostics.Where(d => d.Location.File == source.Path
                    || sharedFindings.Add($"{d.Code}\u0000{d.Location}\u0000{string.Join('\u0000', d.Arguments)}")));
            }

            if (source.Plan is { } plan)
            {
                if (byId.TryGetValue(plan.Id, out var first))
                {
                    if (askedSet.Contains(file))
                    {
                        _diagnostics.Add(new PlanDiagnostic("duplicate-plan", DiagnosticSeverity.Error, plan.At("plan"), [plan.Id, first.Path]));
                    }
                }
                else
                {
                    byId[plan.Id] = source;
                }
            }
        }

        var resolving = new HashSet<string>();
        foreach (var file in context.Where(askedSet.Contains))
        {
            if (sources[file].Plan is { } plan && byId.GetValueOrDefault(plan.Id) == sources[file])
            {
                ResolveOne(plan.Id, byId, askedSet, resolving);
            }
        }

        if (OrganisationFiles.Count > 0)
        {
            // The units of the organisation files run templates, asked for or not; so a template's findings are
            // reported with theirs (an organisation file checked alone would otherwise show only their effect).
            var templates = byId.Values.Where(s => s.Plan?.Template is not null).ToArray();
            var reported = new HashSet<string>(askedSet);
            reported.UnionWith(templates.Select(t => _identity[t]));
            foreach (var template in templates)
            {
                var plan = template.Plan!;
                if (ResolveOne(plan.Id, byId, reported, resolving) is null)
                {
                    var body = plan.Template!.Body ?? (plan.Inherits is { } parent ? byId.GetValueOrDefault(parent)?.Plan?.Unit.Id : null);
                    if (body is not null)
                    {
                        _unloadedTemplates.Add(new ResolvedTemplate(body, plan.Template.AppliesTo, new Dictionary<string, IReadOnlyList<string>>()));
                    }
                }
            }
        }

        SortDiagnostics();
    }

    private void SortDiagnostics() =>
        _diagnostics.Sort((a, b) =>
        {
            var byFile = string.CompareOrdinal(a.Location.File, b.Location.File);
            return byFile != 0 ? byFile : a.Location.Line != b.Location.Line ? a.Location.Line.CompareTo(b.Location.Line) : a.Location.Column.CompareTo(b.Location.Column);
        });

    private PlanResolution? ResolveOne(string id, Dictionary<string, PlanSource> byId, ISet<string> asked, HashSet<string> resolving)
    {
        if (_resolutions.TryGetValue(id, out var done))
        {
            return done;
        }

        if (_failed.Contains(id))
        {
            return null; // its findings were collected once, when it first failed
        }

        var source = byId[id];
        var plan = source.Plan!;
        var reportHere = asked.Contains(_identity[source]);
        var diagnostics = new DiagnosticBag();
        PlanResolution? parent = null;
        if (plan.Inherits is { } parentId)
        {
            if (!byId.ContainsKey(parentId))
            {
                diagnostics.ErrorWithSuggestion("unknown-plan", plan.At("inherits"), ClosestPlan(parentId, byId.Keys), parentId);
            }
            else if (!resolving.Add(id) || resolving.Contains(parentId))
            {
                diagnostics.Error("inheritance-cycle", plan.At("inherits"), string.Join(" → ", resolving.Append(parentId)));
            }
            else
            {
                parent = ResolveOne(parentId, byId, asked, resolving);
                if (byId[parentId].HasErrors || parent is null)
                {
                    diagnostics.Error("parent-has-errors", plan.At("inherits"), parentId, byId[parentId].Path);
                }
            }
        }

        // A plan without a file it names that was refused whole (a GBK roster or holidays file), or below one, is not
        // resolved: that file's one finding (and parent-has-errors below it) says what to do; whatever resolving found
        // without the file would be the file's fault, said again at each plan.
        var waits = source.Incomplete || (plan.Inherits is { } inherited && _incomplete.Contains(inherited));
        if (waits)
        {
            _incomplete.Add(id);
        }

        PlanResolution? resolved = null;
        try
        {
            // Resolved even after reading errors, so a file's errors all show at once.
            resolved = waits ? null : PlanResolver.Resolve(plan, parent, source.Path, diagnostics);
        }
        catch (Exception e) when (source.HasErrors)
        {
            // A plan that could not be read whole may trip the resolver; its reading errors already say why.
            _ = e;
        }
        catch (Exception e)
        {
            diagnostics.Error("internal-error", plan.Location, e.GetType().Name, e.Message);
        }

        if (source.HasErrors)
        {
            resolved = null;
        }
        resolving.Remove(id);
        if (reportHere)
        {
            _diagnostics.AddRange(diagnostics.Items);
        }

        if (resolved is not null && !diagnostics.HasErrors)
        {
            _resolutions[id] = resolved;
            _plans[id] = resolved.Plan;
            _written[id] = plan;
        }

        if (resolved is null || diagnostics.HasErrors)
        {
            if (reportHere)
            {
                // Once reported, not again: a failed template would otherwise be reported by its units' pass too.
                _failed.Add(id);
            }

            return null;
        }

        return resolved;
    }

    private static string? ClosestPlan(string written, IEnumerable<string> known) => NameSuggester.Closest(written, known);
}
