using System.Globalization;

namespace CampaignFlow.Plans.Diagnostics;

/// <summary>The words of every finding about plans, from the embedded <c>Diagnostics/messages.yaml</c>.</summary>
public static class MessageCatalog
{
    private static readonly MessageTemplates Templates =
        MessageTemplates.Load(typeof(MessageCatalog).Assembly, "CampaignFlow.Plans.Diagnostics.messages.yaml");

    /// <summary>Every message code the catalogue knows.</summary>
    public static IEnumerable<string> Codes => Templates.Codes;

    /// <summary>True when <paramref name="code"/> has templates.</summary>
    /// <param name="code">A message code.</param>
    public static bool Contains(string code) => Templates.Contains(code);

    /// <summary>Renders <paramref name="diagnostic"/> in <paramref name="culture"/>.</summary>
    /// <param name="diagnostic">The finding.</param>
    /// <param name="culture">Chinese for any <c>zh</c> culture, else English.</param>
    public static string Format(PlanDiagnostic diagnostic, CultureInfo culture)
    {
        // A YAML syntax error or an unreadable file may carry its reason as a code of this catalogue after the English
        // sentence of YamlDotNet or .NET, which is said only when no reason is.
        var arguments = NamingNodes(diagnostic.Code, diagnostic.Arguments, culture);
        var text = diagnostic.Code is "yaml-syntax" or "file-unreadable" && arguments.Count > 1 && Templates.Contains(arguments[1])
            ? Templates.Format(diagnostic.Code, [Templates.Format(arguments[1], [.. arguments.Skip(2)], culture)], culture)
            : Templates.Format(diagnostic.Code, arguments, culture);
        return diagnostic.Suggestion is null
            ? text
            : text + (MessageTemplates.IsChinese(culture) ? "——" : " — ") + Templates.Format("did-you-mean", [diagnostic.Suggestion], culture);
    }

    /// <summary>
    /// The catalogue's name of a kind of mapping (a shape's name, as <c>PlanShape.Name</c> spells it: <c>plan</c>,
    /// <c>activity kind</c>) in <paramref name="culture"/>: 方案, 活动种类. A kind without one is named as spelt.
    /// </summary>
    /// <param name="node">The shape's name.</param>
    /// <param name="culture">Chinese for any <c>zh</c> culture, else English.</param>
    public static string NodeName(string node, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(node);
        var code = "node-" + node.Replace(' ', '-');
        return Templates.Contains(code) ? Templates.Format(code, [], culture) : node;
    }

    // Findings about a mapping name its kind by the shape's English name, which is what NodeBinder knows; a reader of
    // Chinese reads 此方案缺少“campaign”, not 此 plan 缺少. The key itself stays as the author types it.
    private static IReadOnlyList<string> NamingNodes(string code, IReadOnlyList<string> arguments, CultureInfo culture)
    {
        var at = code switch
        {
            "key-not-text" => 0,
            "missing-key" or "missing-value" or "unknown-key" or "unknown-key-list" or "duplicate-id" => 1,
            _ => -1,
        };
        if (at < 0 || at >= arguments.Count)
        {
            return arguments;
        }

        var named = arguments.ToArray();
        named[at] = NodeName(named[at], culture);
        return named;
    }

    /// <summary>Renders any template of the catalogue.</summary>
    /// <param name="code">The message code.</param>
    /// <param name="arguments">Values for the template's placeholders.</param>
    /// <param name="culture">Chinese for any <c>zh</c> culture, else English.</param>
    public static string Format(string code, IReadOnlyList<string> arguments, CultureInfo culture) =>
        Templates.Format(code, arguments, culture);

    /// <summary>
    /// The word for an attribute a plan names (<c>measure</c> → 措施, from the catalogue's <c>attr-*</c>), or the name
    /// itself when the catalogue has no word for it: attributes are the plan author's own, so an unknown one is shown
    /// as written.
    /// </summary>
    /// <param name="attribute">The attribute's name as the plan writes it.</param>
    /// <param name="culture">Chinese for any <c>zh</c> culture, else English.</param>
    public static string AttributeWord(string attribute, CultureInfo culture) =>
        Templates.Contains("attr-" + attribute) ? Templates.Format("attr-" + attribute, [], culture) : attribute;
}
