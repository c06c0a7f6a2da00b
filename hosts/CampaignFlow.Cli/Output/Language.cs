using System.CommandLine;
using System.Globalization;

namespace CampaignFlow.Cli.Output;

/// <summary>
/// The <c>--lang</c> option every command shares: the language of messages. The catalogues hold Simplified Chinese
/// and English only, so <c>--lang</c> takes those and the names that mean them (zh, zh-Hans, en-US…) and refuses
/// anything else: a reader who asked for French or Traditional Chinese must not silently get English.
/// </summary>
internal static class Language
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly HashSet<string> SimplifiedChinese = new(["zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "zh-SG"], StringComparer.OrdinalIgnoreCase);

    public static Option<string?> CreateOption()
    {
        var option = new Option<string?>("--lang");
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } written && Known(written) is null)
            {
                // Said in the language the reader runs in, since the one asked for is not there.
                result.AddError(CliMessages.Text("lang-unknown", Current, written));
            }
        });
        return option;
    }

    /// <summary>The language of <c>--lang</c> when given (the validator has refused any other), else <see cref="Current"/>.</summary>
    public static CultureInfo Resolve(string? written) => written is null ? Current : Known(written) ?? Current;

    /// <summary>
    /// The language the environment asks for messages in, as POSIX tools read it: the first of <c>LC_ALL</c>,
    /// <c>LC_MESSAGES</c> and <c>LANG</c> that is set (such as zh_CN.UTF-8); where none is (Windows), the user's display
    /// language. Chinese for any zh, else English.
    /// </summary>
    public static CultureInfo Current =>
        (LocaleVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? CultureInfo.CurrentUICulture.Name)
            .StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : CultureInfo.InvariantCulture;

    /// <summary>The environment variables that choose the language of messages, the first set winning.</summary>
    public static IReadOnlyList<string> LocaleVariables { get; } = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// <summary>The culture <paramref name="written"/> names, when the catalogues hold it; null otherwise.</summary>
    public static CultureInfo? Known(string written)
    {
        var name = written.Trim().Replace('_', '-');
        // Simplified Chinese; Traditional (zh-TW, zh-HK, zh-Hant) is not a clean fallback, so it is refused.
        if (SimplifiedChinese.Contains(name))
        {
            return Chinese;
        }

        // English in any region reads the same catalogue.
        if (name.Equals("en", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("en-", StringComparison.OrdinalIgnoreCase) && name.Length == 5 && char.IsAsciiLetter(name[3]) && char.IsAsciiLetter(name[4])))
        {
            return CultureInfo.InvariantCulture;
        }

        return null;
    }
}
