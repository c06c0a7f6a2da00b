using System.Globalization;
using CampaignFlow.Compliance.Engines;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Compliance.NRules;

/// <summary>
/// The compliance engines a host can run, by the name its <c>--rules-engine</c> option takes. It lives here, beside
/// NRules, because this is the one project that knows every engine; CampaignFlow.Compliance knows only its own.
/// </summary>
public static class ComplianceEngines
{
    private static readonly MessageTemplates Messages = MessageTemplates.Load(typeof(ComplianceEngines).Assembly, "CampaignFlow.Compliance.NRules.messages.yaml");

    /// <summary>Every engine, the default (ours) first.</summary>
    public static IReadOnlyList<IComplianceEngine> All { get; } = [ReteComplianceEngine.Instance, NRulesComplianceEngine.Instance];

    /// <summary>The engines' names, as the option takes them: <c>campaignflow</c>, <c>nrules</c>.</summary>
    public static IEnumerable<string> Names => All.Select(e => e.Name);

    /// <summary>The engine named <paramref name="name"/> (ignoring case), or null when there is none.</summary>
    /// <param name="name">The name given.</param>
    public static IComplianceEngine? Find(string? name) => All.FirstOrDefault(e => string.Equals(e.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Why <paramref name="name"/> names no engine, in <paramref name="culture"/> (Chinese for any zh culture, else English).</summary>
    /// <param name="name">The name given.</param>
    /// <param name="culture">The reader's culture.</param>
    public static string Unknown(string? name, CultureInfo culture) =>
        Messages.Format("rules-engine-unknown", [name ?? "", string.Join("|", Names)], culture);
}
