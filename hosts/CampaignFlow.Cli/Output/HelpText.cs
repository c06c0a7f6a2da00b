using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Cli.Remote;
using CampaignFlow.Compliance.NRules;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli.Output;

/// <summary>
/// Gives every command, option and argument its description from the catalogue (<c>help-…</c> in
/// <c>Output/messages.yaml</c>) in the language the command line asks for, so <c>--help</c> reads in Chinese as the
/// commands' output does. The commands declare none themselves: one source of words, and a description missing
/// from the catalogue fails at once rather than showing English to a Chinese reader.
/// </summary>
internal static partial class HelpText
{
    private static readonly HashSet<string> Codes = new(CliMessages.Templates.Codes, StringComparer.Ordinal);

    // The values some descriptions name, which the code knows and the catalogue should not repeat.
    private static readonly Dictionary<string, string[]> Values = new(StringComparer.Ordinal)
    {
        ["help-token"] = [ServerConnection.TokenVariable],
        ["help-simulate-rules-engine"] = [string.Join(" | ", ComplianceEngines.Names)],
    };

    /// <summary>Describes <paramref name="root"/> and everything under it in <paramref name="culture"/>.</summary>
    /// <param name="root">The root command.</param>
    /// <param name="culture">Chinese or English.</param>
    public static void Describe(RootCommand root, CultureInfo culture)
    {
        root.Description = Text("help-root", culture);
        // The help and version options are System.CommandLine's, their words from its resources, which have no Chinese
        // for them: ours, as every other option's.
        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                HelpOption => Text("help-help", culture),
                VersionOption => Text("help-version", culture),
                _ => option.Description,
            };
        }

        foreach (var command in root.Subcommands)
        {
            command.Description = Text($"help-{command.Name}", culture);
            foreach (var option in command.Options.Where(o => o is not HelpOption and not VersionOption))
            {
                option.Description = Text(Code(command.Name, option.Name.TrimStart('-')), culture);
            }

            foreach (var argument in command.Arguments)
            {
                argument.Description = Text(Code(command.Name, argument.Name), culture);
            }
        }
    }

    /// <summary>The code describing <paramref name="name"/> in <paramref name="command"/>: its own, else the one every command shares.</summary>
    /// <param name="command">The command's name.</param>
    /// <param name="name">The option's name without dashes, or the argument's name.</param>
    public static string Code(string command, string name) =>
        Codes.Contains($"help-{command}-{name}") ? $"help-{command}-{name}"
        : Codes.Contains($"help-{name}") ? $"help-{name}"
        : throw new InvalidOperationException($"Output/messages.yaml describes no '{name}' of '{command}': add help-{command}-{name}");

    /// <summary>
    /// System.CommandLine's help text with the words its Chinese resources leave English (the <c>Description:</c>
    /// heading, <c>[default: …]</c>, <c>(REQUIRED)</c>) in the catalogue's Chinese; English text is returned as it is.
    /// </summary>
    /// <param name="help">The help as System.CommandLine wrote it.</param>
    /// <param name="culture">The reader's language.</param>
    public static string Localize(string help, CultureInfo culture)
    {
        if (!MessageTemplates.IsChinese(culture))
        {
            return help;
        }

        var text = DescriptionHeading().Replace(help, CliMessages.Text("help-heading-description", culture));
        text = DefaultValue().Replace(text, m => CliMessages.Text("help-default-value", culture, m.Groups["value"].Value));
        // In the first column, whose width sets where every description starts: padded to the width it replaces.
        return text.Replace(Required, DisplayWidth.PadRight(CliMessages.Text("help-required", culture), DisplayWidth.Of(Required)), StringComparison.Ordinal);
    }

    private const string Required = "(REQUIRED)";

    [GeneratedRegex("^Description:", RegexOptions.Multiline)]
    private static partial Regex DescriptionHeading();

    [GeneratedRegex(@"\[default: (?<value>[^\]]*)\]")]
    private static partial Regex DefaultValue();

    private static string Text(string code, CultureInfo culture) =>
        CliMessages.Text(code, culture, Values.TryGetValue(code, out var values) ? values : []);
}
