using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Reading;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Campaigns.Catalog;

/// <summary>
/// Validates an uploaded plan with the definitions folder as the context of its <c>inherits</c> and roster: an
/// uploaded new version of a plan takes the place of the folder's file of that plan. Nothing is stored.
/// </summary>
/// <param name="definitionsPath">The definitions folder.</param>
/// <param name="filesByPlan">The folder's file of each plan, relative, by plan id.</param>
internal sealed class PlanValidator(string definitionsPath, IReadOnlyDictionary<string, string> filesByPlan)
{
    /// <summary>The findings on <paramref name="yaml"/>, reported against <paramref name="fileName"/>.</summary>
    public IReadOnlyList<PlanDiagnostic> Validate(string yaml, string fileName)
    {
        var (texts, name) = Texts(yaml, fileName, atFolderPath: false);
        return PlanCatalog.LoadTexts(texts, [name]).Diagnostics;
    }

    /// <summary>
    /// <paramref name="yaml"/> read as a draft: its findings and, without errors, the files it would be published with
    /// — the text at the folder's path of its plan (at <paramref name="fileName"/> for a plan the folder lacks), then
    /// its roster, its holidays and its parents' files as the folder has them now.
    /// </summary>
    public PlanDraftText ReadDraft(string yaml, string fileName)
    {
        var (texts, name) = Texts(yaml, fileName, atFolderPath: true);
        var catalog = PlanCatalog.LoadTexts(texts, [name]);
        var plan = catalog.Plans.Values.FirstOrDefault(p => p.File.Replace('\\', '/') == name);
        if (plan is null || catalog.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new PlanDraftText(catalog.Diagnostics, null, 0, null, []);
        }

        var byPath = texts.ToDictionary(t => t.Path, t => t.Text, StringComparer.Ordinal);
        var files = new List<PlanSourceFile>();
        void Add(string path)
        {
            var normal = Path.GetRelativePath(".", path).Replace('\\', '/');
            if (files.All(f => f.Path != normal) && byPath.TryGetValue(normal, out var text))
            {
                files.Add(new PlanSourceFile(normal, text));
            }
        }

        for (var current = plan; current is not null && files.Count <= 32; current = current.Inherits is { } parent ? catalog.Plans.GetValueOrDefault(parent) : null)
        {
            var file = current.File.Replace('\\', '/');
            Add(file);
            if (catalog.Written.GetValueOrDefault(current.Id)?.Roster?.File is { } roster)
            {
                Add(Path.Combine(Path.GetDirectoryName(file) ?? "", roster));
            }

            // As the folder's versions keep it (PlanLibrary): a version is resolved from its stored files alone at the
            // next start, and a plan naming holidays it does not carry is unresolvable there.
            if (catalog.Written.GetValueOrDefault(current.Id)?.Calendar?.Holidays?.File is { } holidays)
            {
                Add(Path.Combine(Path.GetDirectoryName(file) ?? "", holidays));
            }
        }

        return new PlanDraftText(catalog.Diagnostics, plan.Id, plan.Version, plan.Unit.Id, files);
    }

    // The folder's texts with the upload in place of the folder's file of its plan: at that file's path for a draft
    // (so a folder that later holds the same text publishes the same version), at the upload's name for a check.
    private (List<PlanText> Texts, string Name) Texts(string yaml, string fileName, bool atFolderPath)
    {
        var name = string.IsNullOrWhiteSpace(fileName) ? "upload.yaml" : Path.GetFileName(fileName.Replace('\\', '/'));
        var uploadedId = PlanIdOf(yaml ?? "");
        var replaced = uploadedId is not null && filesByPlan.TryGetValue(uploadedId, out var file) ? file : null;
        if (atFolderPath && replaced is not null)
        {
            name = replaced;
        }

        var root = Path.GetFullPath(definitionsPath);
        var texts = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !f.Split('/').SkipLast(1).Contains("activities") && f != replaced && f != name)
                .Select(f => new PlanText(f, File.ReadAllText(Path.Combine(root, f))))
                .ToList()
            : [];
        texts.Add(new PlanText(name, yaml ?? ""));
        return (texts, name);
    }

    private static string? PlanIdOf(string yaml)
    {
        var root = PlanReader.Parse(yaml, "upload", new DiagnosticBag());
        return root is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("plan"), out var id) && id is YamlScalarNode { Value: { } text } ? text : null;
    }
}
