using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Plans.Diagnostics;

/// <summary>
/// Message templates in English and Chinese, read from an embedded YAML file of
/// <c>code: { en: "…{0}…", zh: "…{0}…" }</c>: translators edit one file, and no user-facing sentence is written
/// inline in code.
/// </summary>
public sealed class MessageTemplates
{
    private readonly FrozenDictionary<string, (string En, string Zh)> _templates;

    private MessageTemplates(FrozenDictionary<string, (string En, string Zh)> templates) => _templates = templates;

    /// <summary>Every message code.</summary>
    public IEnumerable<string> Codes => _templates.Keys;

    /// <summary>Loads the templates embedded in <paramref name="assembly"/> as <paramref name="resource"/>.</summary>
    /// <param name="assembly">The assembly holding the resource.</param>
    /// <param name="resource">The resource's logical name.</param>
    /// <exception cref="InvalidOperationException">The resource is missing or not a mapping of codes to en/zh.</exception>
    public static MessageTemplates Load(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var templates = new Dictionary<string, (string, string)>();
        foreach (var (key, value) in ((YamlMappingNode)yaml.Documents[0].RootNode).Children)
        {
            var entry = (YamlMappingNode)value;
            templates[((YamlScalarNode)key).Value!] = (
                ((YamlScalarNode)entry.Children[new YamlScalarNode("en")]).Value!,
                ((YamlScalarNode)entry.Children[new YamlScalarNode("zh")]).Value!);
        }

        return new MessageTemplates(templates.ToFrozenDictionary());
    }

    /// <summary>True when <paramref name="code"/> has templates.</summary>
    /// <param name="code">A message code.</param>
    public bool Contains(string code) => _templates.ContainsKey(code);

    /// <summary>True for any Chinese culture: messages are then rendered from the <c>zh</c> template.</summary>
    /// <param name="culture">The reader's culture.</param>
    public static bool IsChinese(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>Renders the template of <paramref name="code"/> in <paramref name="culture"/>.</summary>
    /// <param name="code">The message code.</param>
    /// <param name="arguments">Values for the placeholders.</param>
    /// <param name="culture">Chinese for any <c>zh</c> culture, else English.</param>
    public string Format(string code, IReadOnlyList<string> arguments, CultureInfo culture)
    {
        if (!_templates.TryGetValue(code, out var template))
        {
            // A code without words is a bug of ours, but the reader must still see what was found.
            return $"{code}: {string.Join(", ", arguments)}";
        }

        return string.Format(CultureInfo.InvariantCulture, IsChinese(culture) ? template.Zh : template.En, arguments.Cast<object>().ToArray());
    }
}
