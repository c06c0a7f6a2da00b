using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using CampaignFlow.Cli.Commands;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli;

/// <summary>
/// The <c>campaignflow</c> command line, with its output and error writers injected so tests run it in-process.
/// </summary>
/// <param name="output">Where results go.</param>
/// <param name="error">Where problems with the command itself go.</param>
/// <param name="http">Where requests to a server go instead of the network (a server in the same process), or null.</param>
public sealed class CampaignFlowApp(TextWriter output, TextWriter error, HttpMessageHandler? http = null)
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <returns>
    /// The exit code: 0 on success, 1 when plans have errors or records were refused, 2 for a malformed command line
    /// (a bad filter, a missing token), 3 for a fault, 4 when the server or the data folder cannot be reached or read,
    /// 5 when the server refuses the token.
    /// </returns>
    public int Run(string[] args)
    {
        var culture = Asked(args);
        // System.CommandLine's own words (Usage, Options, its help option's description, set as the root is made) come
        // from its satellite resources in the UI culture: its Simplified Chinese ones for a Chinese reader, this run only.
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = MessageTemplates.IsChinese(culture) ? CultureInfo.GetCultureInfo("zh-Hans") : CultureInfo.InvariantCulture;
        try
        {
            return Run(Commands(culture), args, culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private RootCommand Commands(CultureInfo culture)
    {
        var root = new RootCommand();
        root.Subcommands.Add(ValidateCommand.Create(output));
        root.Subcommands.Add(ShowCommand.Create(output, error));
        root.Subcommands.Add(SchemaCommand.Create(output, error));
        root.Subcommands.Add(SimulateCommand.Create(output, error));
        root.Subcommands.Add(ReportCommand.Create(output, error));
        root.Subcommands.Add(DiffCommand.Create(output, error));
        root.Subcommands.Add(NewCommand.Create(output, error));
        root.Subcommands.Add(ViolationsCommand.Create(output, error, http));
        root.Subcommands.Add(ImportCommand.Create(output, error, http));
        root.Subcommands.Add(MigrateCommand.Create(output, error, http));
        root.Subcommands.Add(PublishCommand.Create(output, error, http));
        HelpText.Describe(root, culture);
        return root;
    }

    private int Run(RootCommand root, string[] args, CultureInfo culture)
    {
        var parsed = root.Parse(args);
        // Asking for help is never a mistake, even of a command whose arguments are missing (show --help).
        if (parsed.Action is not HelpAction && CommandLineMistakes.Of(parsed, culture) is { Count: > 0 } mistakes)
        {
            foreach (var mistake in mistakes)
            {
                error.WriteLine(mistake);
            }

            error.WriteLine(CliMessages.Text("usage-help", culture));
            return 2;
        }

        try
        {
            if (parsed.Action is HelpAction)
            {
                // Written aside first, to put what System.CommandLine's resources leave English into the reader's language.
                var help = new StringWriter();
                var code = parsed.Invoke(new InvocationConfiguration { Output = help, Error = error, EnableDefaultExceptionHandler = false });
                output.Write(HelpText.Localize(help.ToString(), culture));
                return code;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Plans never get here (their findings are reported as such); this is for our own bugs and the machine's
            // troubles (a full disk), said in one line rather than a stack trace.
            error.WriteLine(CliMessages.Text("fault", culture, e.GetType().Name, e.Message));
            error.WriteLine(CliMessages.Text("fault-hint", culture));
            return 3;
        }
    }

    // The language the command line asks for, for what is said outside a command's action (parse errors, faults):
    // the --lang given when the catalogues know it, else the environment's.
    private static CultureInfo Asked(string[] args)
    {
        // --lang zh-CN, --lang=zh-CN and --lang:zh-CN are the same to the parser.
        var written = args.Select((a, i) => a == "--lang" ? (i + 1 < args.Length ? args[i + 1] : null)
                : a.StartsWith("--lang=", StringComparison.Ordinal) || a.StartsWith("--lang:", StringComparison.Ordinal) ? a[7..] : null)
            .LastOrDefault(w => w is not null);
        return written is not null && Language.Known(written) is { } asked ? asked : Language.Current;
    }
}
