using System.Collections.Frozen;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Plans.Diagnostics;

/// <summary>
/// The words of every diagnostic, in English and Chinese, from the embedded <c>messages.yaml</c>: translators
/// edit one file, and no message is written inline in code.
/// </summary>
public static class MessageCatalog
{
    private static readonly FrozenDictionary<string, (string En, string Zh)> Templates = Load();

    /// <summary>Every message code the catalogue knows.</summary>
    public static IEnumerable<string> Codes => Templates.Keys;

    /// <summary>True when <paramref name="code"/> has templates.</summary>
    /// <param name="code">A message code.</param>
    public static bool Contains(string code) => Templates.ContainsKey(code);

    /// <summary>Renders <paramref name="diagnostic"/> in <paramref name="culture"/>.</summary>
    /// <param name="diagnostic">The finding.</param>
    /// <param name="culture">Chinese for any <c>zh</c> culture, else English.</param>
    public static string Format(PlanDiagnostic diagnostic, CultureInfo culture)
    {
        var chinese = IsChinese(culture);
        var text = Render(diagnostic.Code, diagnostic.Arguments, chinese);
        return diagnostic.Suggestion is null
            ? text
            : text + (chinese ? "——" : " — ") + Render("did-you-mean", [diagnostic.Suggestion], chinese);
    }

    /// <summary>Renders any template of the catalogue.</summary>
    /// <param name="code">The message code.</param>
    /// <param name="arguments">Values for the template's placeholders.</param>
    /// <param name="culture">Chinese for any <c>zh</c> culture, else English.</param>
    public static string Format(string code, IReadOnlyList<string> arguments, CultureInfo culture) =>
        Render(code, arguments, IsChinese(culture));

    private static bool IsChinese(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("zh", StringComparison.OrdinalIgnoreCase);

    private static string Render(string code, IReadOnlyList<string> arguments, bool chinese)
    {
        if (!Templates.TryGetValue(code, out var template))
        {
            // A code without words is a bug of ours, but the reader must still see what was found.
            return $"{code}: {string.Join(", ", arguments)}";
        }

        var args = arguments.Cast<object>().ToArray();
        return string.Format(CultureInfo.InvariantCulture, chinese ? template.Zh : template.En, args);
    }

    private static FrozenDictionary<string, (string En, string Zh)> Load()
    {
        using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream("CampaignFlow.Plans.Diagnostics.messages.yaml")
            ?? throw new InvalidOperationException("The embedded resource messages.yaml is missing from CampaignFlow.Plans.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var templates = new Dictionary<string, (string, string)>();
        foreach (var (key, value) in root.Children)
        {
            var entry = (YamlMappingNode)value;
            templates[((YamlScalarNode)key).Value!] = (
                ((YamlScalarNode)entry.Children[new YamlScalarNode("en")]).Value!,
                ((YamlScalarNode)entry.Children[new YamlScalarNode("zh")]).Value!);
        }

        return templates.ToFrozenDictionary();
    }
}
