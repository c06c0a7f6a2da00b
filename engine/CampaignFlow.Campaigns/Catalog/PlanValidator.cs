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
        var name = string.IsNullOrWhiteSpace(fileName) ? "upload.yaml" : Path.GetFileName(fileName.Replace('\\', '/'));
        var uploadedId = PlanIdOf(yaml ?? "");
        var replaced = uploadedId is not null && filesByPlan.TryGetValue(uploadedId, out var file) ? file : null;
        var root = Path.GetFullPath(definitionsPath);
        var texts = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !f.Split('/').SkipLast(1).Contains("activities") && f != replaced && f != name)
                .Select(f => new PlanText(f, File.ReadAllText(Path.Combine(root, f))))
                .ToList()
            : [];
        texts.Add(new PlanText(name, yaml ?? ""));
        return PlanCatalog.LoadTexts(texts, [name]).Diagnostics;
    }

    private static string? PlanIdOf(string yaml)
    {
        var root = PlanReader.Parse(yaml, "upload", new DiagnosticBag());
        return root is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("plan"), out var id) && id is YamlScalarNode { Value: { } text } ? text : null;
    }
}
