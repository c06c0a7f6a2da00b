using System.CommandLine;
using System.Globalization;

namespace CampaignFlow.Cli.Output;

/// <summary>The <c>--lang</c> option every command shares: the language of messages.</summary>
internal static class Language
{
    public static Option<string?> CreateOption() => new("--lang")
    {
        Description = "Language of messages: zh-CN or en (default: from LANG, else en).",
    };

    public static CultureInfo Resolve(string? written)
    {
        var name = written ?? Environment.GetEnvironmentVariable("LANG") ?? "";
        return name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? new CultureInfo("zh-CN") : CultureInfo.InvariantCulture;
    }
}
