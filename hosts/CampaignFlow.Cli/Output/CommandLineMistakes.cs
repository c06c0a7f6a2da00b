using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli.Output;

/// <summary>
/// What is wrong with a command line, said from the catalogue in the reader's language: System.CommandLine's own
/// sentences are English whatever <c>--lang</c> asks for, so the mistakes it finds are said again from what it parsed
/// (the tokens it could not place, the options without their value); the sentences of our own validators, already
/// in the reader's language, are kept as they are.
/// </summary>
internal static class CommandLineMistakes
{
    /// <summary>Every mistake of <paramref name="parsed"/>, one sentence each; empty when the line is well formed.</summary>
    /// <param name="parsed">The parsed command line.</param>
    /// <param name="culture">The reader's language.</param>
    public static IReadOnlyList<string> Of(ParseResult parsed, CultureInfo culture)
    {
        var said = new List<string>();
        said.AddRange(parsed.UnmatchedTokens.Select(t => CliMessages.Text("unknown-argument", culture, t)));
        said.AddRange(OptionsTakenForArguments(parsed).Select(t => CliMessages.Text("unknown-option", culture, t)));
        var command = parsed.CommandResult.Command;
        said.AddRange(command.Options.Where(o => o.Required && !Given(parsed.GetResult(o)))
            .Select(o => CliMessages.Text("option-required", culture, o.Name)));
        said.AddRange(command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && !a.HasDefaultValue
                && parsed.GetResult(a) is not { Tokens.Count: > 0 })
            .Select(a => CliMessages.Text("argument-missing", culture, a.Name)));
        if (command.Subcommands.Count > 0 && command.Action is null && parsed.UnmatchedTokens.Count == 0)
        {
            said.Add(CliMessages.Text("command-missing", culture, string.Join(Separator(culture), command.Subcommands.Select(c => c.Name))));
        }

        var structural = said.Count > 0;
        foreach (var error in parsed.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult option when !Given(option):
                    break; // a required option left out, said above
                case ArgumentResult { Parent: CommandResult, Tokens.Count: 0 }:
                    break; // an argument left out, said above
                case OptionResult { Implicit: false } option when option.Tokens.Count == 0 && option.Option.Arity.MinimumNumberOfValues > 0:
                    said.Add(CliMessages.Text("option-value-missing", culture, option.IdentifierToken?.Value ?? option.Option.Name));
                    break;
                case OptionResult option when option.Tokens.Count > option.Option.Arity.MaximumNumberOfValues:
                    said.Add(CliMessages.Text("option-once", culture, option.IdentifierToken?.Value ?? option.Option.Name));
                    break;
                case { } result when OneOf(result) is { } choice:
                    said.Add(CliMessages.Text("value-not-one-of", culture, string.Join(" ", result.Tokens.Select(t => t.Value)), choice.Name, string.Join(Separator(culture), choice.Values)));
                    break;
                case OptionResult or ArgumentResult:
                    said.Add(error.Message);
                    break;
                default:
                    // A command's own error is one of those said above from what was parsed; one that is not is kept.
                    if (!structural)
                    {
                        said.Add(error.Message);
                    }

                    break;
            }
        }

        return said.Distinct(StringComparer.Ordinal).ToArray();
    }

    // A value refused by AcceptOnlyFromAmong, which is all that lists completions here: the option or argument, and its values.
    private static (string Name, string[] Values)? OneOf(SymbolResult result)
    {
        var symbol = result switch
        {
            OptionResult o => (Symbol)o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            ArgumentResult a => a.Argument,
            _ => null,
        };
        var values = symbol?.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToArray() ?? [];
        return values.Length > 0 ? (symbol!.Name, values) : null;
    }

    private static string Separator(CultureInfo culture) => MessageTemplates.IsChinese(culture) ? "、" : ", ";

    private static bool Given(OptionResult? option) => option is { IdentifierTokenCount: > 0 };

    // A path argument takes any token, so an option the command does not have (--strict, -q) was taken for a path and
    // reported as a missing plan file with exit code 1. A path that exists is a path, whatever it starts with.
    private static IEnumerable<string> OptionsTakenForArguments(ParseResult parsed) =>
        parsed.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)
            .Where(v => v.Length > 1 && v[0] == '-' && char.IsAsciiLetter(v.TrimStart('-').FirstOrDefault()) && !File.Exists(v) && !Directory.Exists(v));
}
