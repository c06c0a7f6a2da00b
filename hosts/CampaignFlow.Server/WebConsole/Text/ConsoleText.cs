using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Server.WebConsole.Text;

/// <summary>
/// Every word the console shows, from the embedded <c>WebConsole/Text/messages.yaml</c> (<c>code: { en, zh }</c>), the
/// same kind of catalogue as the API's problems and the plan diagnostics, so a translator edits one file per surface.
/// </summary>
public static class ConsoleText
{
    private static readonly MessageTemplates Templates =
        MessageTemplates.Load(typeof(ConsoleText).Assembly, "CampaignFlow.Server.WebConsole.Text.messages.yaml");

    /// <summary>Every code of the catalogue.</summary>
    public static IEnumerable<string> Codes => Templates.Codes;

    /// <summary>Renders <paramref name="code"/> in <paramref name="culture"/>.</summary>
    /// <param name="code">The message code.</param>
    /// <param name="culture">Chinese or English.</param>
    /// <param name="arguments">Values for the placeholders.</param>
    public static string Format(string code, CultureInfo culture, params string[] arguments) => Templates.Format(code, arguments, culture);
}
