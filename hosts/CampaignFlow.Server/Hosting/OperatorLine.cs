using System.Globalization;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// A line for the operator's log, from the server's catalogue: the server has no reader's language, so each line says
/// it in Chinese first, then in English, on one line.
/// </summary>
internal static class OperatorLine
{
    /// <summary>The text in Chinese, then in English.</summary>
    /// <param name="text">The text in a language.</param>
    public static string Both(Func<CultureInfo, string> text) => $"{text(ApiLanguage.Chinese)} {text(CultureInfo.GetCultureInfo("en"))}";

    /// <summary>A catalogue entry in Chinese, then in English, with the same arguments in both.</summary>
    /// <param name="code">The entry.</param>
    /// <param name="arguments">Its values.</param>
    public static string Of(string code, params string[] arguments) => Both(c => ApiProblems.Text(code, c, arguments));

    /// <summary>A whole number, as a log writes it.</summary>
    /// <param name="n">The number.</param>
    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
